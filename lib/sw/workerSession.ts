import { getSession } from '../db/queries';
import type { SessionRow } from '../db/types';
import { LockedError } from '../lock/sealing';

/**
 * The session as the service worker may use it: null when signed out, and also with the app
 * lock on, whose key the worker never has (the token is sealed). Queued messages then wait for
 * an unlocked page, and no background check runs.
 */
export async function workerSession(): Promise<SessionRow | null> {
  try {
    return await getSession();
  } catch (error) {
    if (error instanceof LockedError) return null;
    throw error;
  }
}
