import { db } from '../db/database';
import { getSession } from '../db/queries';
import type { OutboxRow } from '../db/types';
import { OutboxFlusher } from '../outbox/flush';
import { httpTransport } from '../outbox/httpTransport';

/**
 * The service worker's share of the outbox: rows of rooms known to be unencrypted. It never
 * sends into an encrypted room (it has no crypto); a room it does not know is treated as
 * encrypted. Resolves true when nothing it may send is left.
 */
export async function flushFromWorker(): Promise<boolean> {
  const session = await getSession();
  if (!session) return true; // logged out: nothing may be sent
  const unencrypted = async (row: OutboxRow) => (await db().rooms.get(row.roomId))?.encrypted === false;
  const flusher = new OutboxFlusher({
    transport: httpTransport(session.homeserverUrl, session.accessToken),
    sender: { userId: session.userId, displayName: session.userId },
    accepts: unencrypted,
    schedule: false,
    honourBackoff: false,
  });
  return flusher.flush();
}
