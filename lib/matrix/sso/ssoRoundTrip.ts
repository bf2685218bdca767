import { LoginError } from '../errors';
import type { SsoProvider } from './loginFlows';

// The round trip through the identity provider: this tab notes which homeserver it went to and
// a random state, and the return page accepts a login token only with that state. Without it, a
// link carrying someone else's login token would sign the user into that other account.
const PENDING_KEY = 'luxchat-sso';
const MAX_AGE_MS = 15 * 60_000;

interface Pending {
  baseUrl: string;
  state: string;
  startedAt: number;
}

/** The static export's page that completes the login (app/[locale]/sso). */
export function ssoReturnUrl(origin: string, locale: string, state: string): string {
  return `${origin}/${locale}/sso/?state=${encodeURIComponent(state)}`;
}

/** The homeserver's redirect to the provider (or to its own choice page when none is named). */
export function ssoRedirectUrl(baseUrl: string, provider: SsoProvider, returnTo: string): string {
  const path = provider.id ? `/${encodeURIComponent(provider.id)}` : '';
  return `${baseUrl}/_matrix/client/v3/login/sso/redirect${path}?redirectUrl=${encodeURIComponent(returnTo)}`;
}

/** Notes the round trip in this tab and returns where to send the browser. */
export function beginSso(baseUrl: string, provider: SsoProvider, origin: string, locale: string, storage: Storage = sessionStorage): string {
  const state = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const pending: Pending = { baseUrl, state, startedAt: Date.now() };
  storage.setItem(PENDING_KEY, JSON.stringify(pending));
  return ssoRedirectUrl(baseUrl, provider, ssoReturnUrl(origin, locale, state));
}

/**
 * The homeserver and login token of a completed round trip, from the return page's query; the
 * note is used up either way. Throws `ssoFailed` when the token is missing, the state is not this
 * tab's, or the trip is too old.
 */
export function endSso(search: string, storage: Storage = sessionStorage, now = Date.now()): { baseUrl: string; loginToken: string } {
  const params = new URLSearchParams(search);
  const loginToken = params.get('loginToken');
  let pending: Partial<Pending> | null = null;
  try {
    pending = JSON.parse(storage.getItem(PENDING_KEY) ?? 'null') as Partial<Pending> | null;
  } catch {
    pending = null;
  }
  storage.removeItem(PENDING_KEY);
  const fresh = typeof pending?.startedAt === 'number' && now - pending.startedAt < MAX_AGE_MS;
  if (!loginToken || !pending || typeof pending.baseUrl !== 'string' || !pending.state || pending.state !== params.get('state') || !fresh) {
    throw new LoginError('ssoFailed');
  }
  return { baseUrl: pending.baseUrl, loginToken };
}
