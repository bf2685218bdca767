import { db } from './database';
import type { SessionRow } from './types';

/** The session table's one writer (and the `sessionEnded` flag that goes with it). */

export async function saveSession(session: SessionRow): Promise<void> {
  await db().session.put(session);
}

/** An access token, with its refresh token and expiry where the homeserver issues them. */
export type SessionTokens = Pick<SessionRow, 'accessToken' | 'refreshToken' | 'accessTokenExpiresAt'>;

/** Signed in again on the same device: the new tokens, and the "session ended" screen goes. */
export async function renewSession(tokens: SessionTokens): Promise<void> {
  const d = db();
  await d.transaction('rw', d.session, d.kv, async () => {
    await d.session.update('current', { refreshToken: undefined, accessTokenExpiresAt: undefined, ...tokens });
    await d.kv.delete('sessionEnded');
  });
}

/**
 * The tokens a refresh returned, stored only if the session is still the one refreshed (not
 * signed out, not signed in again meanwhile). Every tab and the service worker read them here.
 */
export async function saveRefreshedTokens(usedRefreshToken: string, tokens: SessionTokens): Promise<boolean> {
  const d = db();
  return d.transaction('rw', d.session, async () => {
    const current = await d.session.get('current');
    if (!current || current.refreshToken !== usedRefreshToken) return false;
    await d.session.put({ ...current, ...tokens, refreshToken: tokens.refreshToken ?? usedRefreshToken });
    return true;
  });
}

/** The homeserver ended the session (`soft`: the user may sign in again and keep the data). */
export async function markSessionEnded(soft: boolean): Promise<void> {
  await db().kv.put({ key: 'sessionEnded', soft, at: Date.now() });
}
