import { db } from '../db/database';
import { getSession } from '../db/queries';
import { stopClient } from '../matrix/client';
import { serverLogout } from '../matrix/session';
import { wipeLocalData } from '../matrix/wipe';

/** How many messages would be lost by logging out now (the UI warns when above zero). */
export function unsentCount(): Promise<number> {
  return db().outbox.count();
}

/**
 * Ends the session on the homeserver, then removes everything the app stored here. The
 * wipe happens even when the homeserver cannot be reached: the user asked to be gone.
 */
export async function logout(): Promise<void> {
  const session = await getSession();
  await stopClient();
  if (session) {
    try {
      await serverLogout(session);
    } catch (error) {
      console.warn('server logout failed; wiping local data anyway', error);
    }
  }
  await wipeLocalData();
}
