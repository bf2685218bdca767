import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, db, DB_NAME, unsealDb } from '../db/database';
import { saveSession } from '../db/session';
import type { SessionRow } from '../db/types';
import { TokenKeeper } from './tokenRefresh';

const HS = 'https://matrix.example.lu';
const session: SessionRow = {
  id: 'current',
  homeserverUrl: HS,
  userId: '@alice:example.lu',
  deviceId: 'DEV',
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  accessTokenExpiresAt: Date.now() + 60_000,
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const unknownToken = () => json(401, { errcode: 'M_UNKNOWN_TOKEN', error: 'expired', soft_logout: true });

/** A homeserver that accepts one access token at a time and rotates refresh tokens. */
function homeserver() {
  let valid = 'access-1';
  let refresh = 'refresh-1';
  let n = 1;
  const refreshes: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/refresh')) {
      const { refresh_token } = JSON.parse(String(init?.body)) as { refresh_token: string };
      refreshes.push(refresh_token);
      if (refresh_token !== refresh) return json(401, { errcode: 'M_UNKNOWN_TOKEN' });
      n++;
      valid = `access-${n}`;
      refresh = `refresh-${n}`;
      return json(200, { access_token: valid, refresh_token: refresh, expires_in_ms: 60_000 });
    }
    const bearer = new Headers(init?.headers).get('authorization');
    return bearer === `Bearer ${valid}` ? json(200, { ok: url }) : unknownToken();
  });
  return { fetch, refreshes, expire: () => (valid = 'none'), revoke: () => (refresh = 'revoked') };
}

beforeEach(async () => {
  closeDb();
  await Dexie.delete(DB_NAME);
  unsealDb();
  await saveSession(session);
});
afterEach(() => vi.useRealTimers());

describe('TokenKeeper', () => {
  it('renews a refused token once for requests refused together, sends them again, and stores the new tokens', async () => {
    const hs = homeserver();
    hs.expire();
    const renewed: string[] = [];
    const keeper = new TokenKeeper(session, (t) => renewed.push(t), hs.fetch);
    // The SDK's requests carry the token it had; the renewed one goes on the retried request.
    const sdkFetch = keeper.wrap(hs.fetch);
    const headers = { Authorization: 'Bearer access-1' };
    const answers = await Promise.all([sdkFetch(`${HS}/sync`, { headers }), sdkFetch(`${HS}/keys/upload`, { headers, method: 'POST', body: '{}' })]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(hs.refreshes).toEqual(['refresh-1']);
    expect(renewed).toEqual(['access-2']);
    const stored = await db().session.get('current');
    expect(stored).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    expect(stored!.accessTokenExpiresAt).toBeGreaterThan(Date.now() + 50_000);
    keeper.stop();
  });

  it('hands the refusal back when the refresh token is refused too: the session has ended', async () => {
    const hs = homeserver();
    hs.expire();
    hs.revoke();
    const keeper = new TokenKeeper(session, () => undefined, hs.fetch);
    const answer = await keeper.wrap(hs.fetch)(`${HS}/sync`, { headers: { Authorization: 'Bearer access-1' } });
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { errcode: string }).errcode).toBe('M_UNKNOWN_TOKEN');
    expect((await db().session.get('current'))?.accessToken).toBe('access-1');
  });

  it('gives up when even a fresh token is refused (the session ended on the server): one renewal, not a loop', async () => {
    const hs = homeserver();
    hs.expire();
    const refusesAll = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith('/refresh') ? hs.fetch(input, init) : unknownToken(),
    );
    const keeper = new TokenKeeper(session, () => undefined, refusesAll);
    const sdkFetch = keeper.wrap(refusesAll);
    expect((await sdkFetch(`${HS}/sync`, { headers: { Authorization: 'Bearer access-1' } })).status).toBe(401);
    // The SDK tries again with the token it was given: handed back at once, no second renewal.
    expect((await sdkFetch(`${HS}/sync`, { headers: { Authorization: 'Bearer access-2' } })).status).toBe(401);
    expect(hs.refreshes).toEqual(['refresh-1']);
    keeper.stop();
  });

  it('leaves a session without a refresh token alone', async () => {
    const hs = homeserver();
    hs.expire();
    const keeper = new TokenKeeper({ ...session, refreshToken: undefined }, () => undefined, hs.fetch);
    const answer = await keeper.wrap(hs.fetch)(`${HS}/sync`, { headers: { Authorization: 'Bearer access-1' } });
    expect(answer.status).toBe(401);
    expect(hs.refreshes).toEqual([]);
  });

  it('renews ahead of expiry, again and again, without a refusal', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const hs = homeserver();
    const keeper = new TokenKeeper({ ...session, accessTokenExpiresAt: Date.now() + 60_000 }, () => undefined, hs.fetch);
    keeper.start();
    await vi.advanceTimersByTimeAsync(47_000);
    expect(hs.refreshes).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(hs.refreshes).toEqual(['refresh-1']);
    // In steps: fake-indexeddb (storing the tokens) needs turns of the real event loop.
    for (let i = 0; i < 49; i++) await vi.advanceTimersByTimeAsync(1_000);
    expect(hs.refreshes).toEqual(['refresh-1', 'refresh-2']);
    expect(keeper.accessToken).toBe('access-3');
    keeper.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(hs.refreshes).toHaveLength(2);
  });

  it('does not store tokens for a session that changed meanwhile (signed out, or in again)', async () => {
    const hs = homeserver();
    hs.expire();
    const keeper = new TokenKeeper(session, () => undefined, hs.fetch);
    await db().session.update('current', { refreshToken: 'from-a-new-login', accessToken: 'other' });
    await keeper.renew();
    expect((await db().session.get('current'))?.accessToken).toBe('other');
  });
});
