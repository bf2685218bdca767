import { db } from '../db/database';
import { workerSession } from './workerSession';
import type { OutboxRow } from '../db/types';
import { OutboxFlusher } from '../outbox/flush';
import { httpTransport } from '../outbox/httpTransport';
import { roomEncryptionOnServer } from '../outbox/roomEncryption';

/**
 * The service worker's share of the outbox: rows of rooms that are unencrypted, as stored and
 * as the homeserver says right now (the room may have become encrypted while this device was
 * offline). It never sends into an encrypted room (it has no crypto): such rows wait for a
 * page. Resolves true when nothing it may send is left.
 */
export async function flushFromWorker(): Promise<boolean> {
  const session = await workerSession();
  if (!session) return true; // logged out, or the app lock's key is not here: nothing it may send
  const checked = new Map<string, Promise<boolean>>();
  const unencrypted = (row: OutboxRow) => {
    if (row.kind === 'profile') return true; // no room, nothing to encrypt
    let verdict = checked.get(row.roomId);
    if (!verdict) {
      verdict = (async () => {
        if ((await db().rooms.get(row.roomId))?.encrypted !== false) return false;
        return (await roomEncryptionOnServer(session.homeserverUrl, session.accessToken, row.roomId)) === 'unencrypted';
      })();
      checked.set(row.roomId, verdict);
    }
    return verdict;
  };
  const flusher = new OutboxFlusher({
    transport: httpTransport(session.homeserverUrl, session.accessToken, session.userId),
    accepts: unencrypted,
    schedule: false,
    honourBackoff: false,
  });
  return flusher.flush();
}
