import { saveRefreshedTokens, type SessionTokens } from '../db/session';
import type { SessionRow } from '../db/types';

/** Renew this long before the access token expires (a fifth of its life, at least 10 s). */
function renewAheadMs(lifetimeMs: number): number {
  return Math.max(10_000, lifetimeMs / 5);
}

type Fetch = typeof globalThis.fetch;

/**
 * The syncing tab's keeper of the session's tokens, where the homeserver issues refresh tokens
 * (Synapse with `refreshable_access_token_lifetime`). It renews the access token before it
 * expires and when the homeserver refuses it as unknown, retries the refused request with the
 * new one, and stores the new tokens in Dexie, where other tabs and the service worker read
 * them. Only the syncing tab refreshes: refresh tokens are single use, two tabs renewing at once
 * would end the session. matrix-js-sdk renews only OAuth 2.0 (MSC3861) sessions; this is the
 * client-server API's own `/refresh`.
 */
export class TokenKeeper {
  private tokens: SessionTokens;
  private renewing: Promise<string | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private givenUp = false;

  constructor(
    private readonly session: Pick<SessionRow, 'homeserverUrl'> & SessionTokens,
    private readonly onRenewed: (accessToken: string) => void,
    private readonly baseFetch: Fetch = (...args) => globalThis.fetch(...args),
  ) {
    this.tokens = { accessToken: session.accessToken, refreshToken: session.refreshToken, accessTokenExpiresAt: session.accessTokenExpiresAt };
  }

  get accessToken(): string {
    return this.tokens.accessToken;
  }

  /** Renews ahead of expiry from now on, until stopped. */
  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * A fetch for the SDK: a request refused with M_UNKNOWN_TOKEN goes again once with a renewed
   * token; without one (no refresh token, or the homeserver refused it), the refusal goes back
   * to the SDK, which reports the session as ended.
   */
  wrap(inner: Fetch): Fetch {
    return async (input, init) => {
      const response = await inner(input, init);
      if (response.status !== 401 || !this.tokens.refreshToken) return response;
      const used = bearerOf(init?.headers);
      if (!used || !(await isUnknownToken(response))) return response;
      const renewed = await this.renew(used);
      if (!renewed) return response;
      const again = await inner(input, { ...init, headers: withBearer(init?.headers, renewed) });
      // A token refused as soon as it was issued: the session has ended on the server. No more
      // renewals (they would go on forever), and the refusal goes to the SDK, which reports it.
      if (again.status === 401 && renewed === this.tokens.accessToken && (await isUnknownToken(again))) this.givenUp = true;
      return again;
    };
  }

  /**
   * A new access token, renewed once however many requests ask at the same time; `used` is the
   * token that was refused: if it is no longer the current one, the current one is the answer.
   * Null when the session cannot be renewed.
   */
  renew(used: string = this.tokens.accessToken): Promise<string | null> {
    if (used !== this.tokens.accessToken) return Promise.resolve(this.tokens.accessToken);
    this.renewing ??= this.refresh().finally(() => (this.renewing = null));
    return this.renewing;
  }

  private async refresh(): Promise<string | null> {
    const refreshToken = this.tokens.refreshToken;
    if (!refreshToken || this.stopped || this.givenUp) return null;
    let response: Response;
    try {
      response = await this.baseFetch(`${this.session.homeserverUrl}/_matrix/client/v3/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refresh_token: refreshToken }),
      });
    } catch {
      // Offline: the next request's refusal, or the next scheduled renewal, tries again.
      this.schedule(30_000);
      return null;
    }
    const answer: unknown = await response.json().catch(() => null);
    const fresh = tokensFrom(answer);
    if (!response.ok || !fresh) {
      // 5xx or a rate limit: try again later; a refused refresh token ends the session (the
      // SDK reports the refused request).
      if (response.status >= 500 || response.status === 429) this.schedule(30_000);
      return null;
    }
    this.tokens = { ...fresh, refreshToken: fresh.refreshToken ?? refreshToken };
    this.onRenewed(fresh.accessToken);
    this.schedule();
    await saveRefreshedTokens(refreshToken, this.tokens).catch(() => false);
    return fresh.accessToken;
  }

  private schedule(delayMs?: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const expiresAt = this.tokens.accessTokenExpiresAt;
    if (delayMs === undefined) {
      if (!expiresAt || !this.tokens.refreshToken) return;
      const left = expiresAt - Date.now();
      delayMs = Math.max(0, left - renewAheadMs(Math.max(left, 0)));
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.renew();
    }, delayMs);
  }
}

/** The tokens in a `/refresh` answer, or null if it is not one. */
export function tokensFrom(answer: unknown): SessionTokens | null {
  if (!answer || typeof answer !== 'object') return null;
  const { access_token, refresh_token, expires_in_ms } = answer as Record<string, unknown>;
  if (typeof access_token !== 'string' || !access_token) return null;
  return {
    accessToken: access_token,
    ...(typeof refresh_token === 'string' && refresh_token ? { refreshToken: refresh_token } : {}),
    ...(typeof expires_in_ms === 'number' ? { accessTokenExpiresAt: Date.now() + expires_in_ms } : {}),
  };
}

async function isUnknownToken(response: Response): Promise<boolean> {
  const answer: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  return !!answer && typeof answer === 'object' && (answer as { errcode?: unknown }).errcode === 'M_UNKNOWN_TOKEN';
}

function bearerOf(headers: HeadersInit | undefined): string | null {
  const value = new Headers(headers).get('authorization');
  return value?.startsWith('Bearer ') ? value.slice('Bearer '.length) : null;
}

function withBearer(headers: HeadersInit | undefined, accessToken: string): Headers {
  const next = new Headers(headers);
  next.set('authorization', `Bearer ${accessToken}`);
  return next;
}
