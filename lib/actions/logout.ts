import { getCryptoStatus } from '../db/cryptoStatus';
import { unsentRowCount } from '../db/outbox';
import { signOutEverywhere } from '../matrix/signOut';

/**
 * Whether encrypted history would survive logging out: the recovery key was saved (a device
 * still checking or never set up has nothing to lose yet).
 */
export async function recoveryKeySaved(): Promise<boolean> {
  const status = await getCryptoStatus();
  return status.recoveryKeySaved || status.state !== 'ready';
}

/** How many messages would be lost by logging out now (the UI warns when above zero). */
export function unsentCount(): Promise<number> {
  return unsentRowCount();
}

/**
 * Ends the session on the homeserver and in every tab, then removes everything the app
 * stored here. The wipe happens even when the homeserver cannot be reached.
 */
export async function logout(): Promise<void> {
  await signOutEverywhere({ serverSide: true, ended: false });
}
