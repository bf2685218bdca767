import { db } from './database';
import type { SessionRow } from './types';

/** The session table's one writer (and the `sessionEnded` flag that goes with it). */

export async function saveSession(session: SessionRow): Promise<void> {
  await db().session.put(session);
}

/** Signed in again on the same device: the new token, and the "session ended" screen goes. */
export async function renewSession(accessToken: string): Promise<void> {
  const d = db();
  await d.transaction('rw', d.session, d.kv, async () => {
    await d.session.update('current', { accessToken });
    await d.kv.delete('sessionEnded');
  });
}

/** The homeserver ended the session (`soft`: the user may sign in again and keep the data). */
export async function markSessionEnded(soft: boolean): Promise<void> {
  await db().kv.put({ key: 'sessionEnded', soft, at: Date.now() });
}
