import { getSession } from '../db/queries';
import { sealDb } from '../db/database';
import { stopClient } from './client';
import { serverLogout } from './session';
import { announce, markClosing, SESSION_ENDED_FLAG } from './sessionBus';
import { wipeLocalData } from './wipe';

/** Other tabs stop syncing and close their databases within this after `closing`. */
const TABS_SETTLE_MS = 400;

/**
 * Ends the session in every tab and removes everything the app stored here. `serverSide`:
 * also invalidate the token on the homeserver (a user's logout; not when the homeserver
 * already refused it). The wipe happens even when the homeserver cannot be reached.
 */
export async function signOutEverywhere({ serverSide, ended }: { serverSide: boolean; ended: boolean }): Promise<void> {
  const session = await getSession().catch(() => null);
  markClosing();
  announce({ kind: 'closing' });
  sealDb();
  await stopClient({ save: false });
  if (session && serverSide) {
    try {
      await serverLogout(session);
    } catch (error) {
      console.warn('server logout failed; wiping local data anyway', error);
    }
  }
  await new Promise((resolve) => setTimeout(resolve, TABS_SETTLE_MS));
  await wipeLocalData();
  if (ended) localStorage.setItem(SESSION_ENDED_FLAG, '1');
  announce({ kind: 'closed', ended });
}
