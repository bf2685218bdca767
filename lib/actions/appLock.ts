import {
  appLockRow,
  disableAppLock,
  enableAppLock,
  isLocked,
  lockNow,
  MIN_SECRET_LENGTH,
  subscribeLock,
  unlockAppLock,
  updateLockSettings,
  watchAppLockChanges,
  type LockSettings,
  type UnlockResult,
} from '../lock/appLock';
import { wipeLocalData } from '../matrix/wipe';

export { appLockRow, disableAppLock, enableAppLock, isLocked, lockNow, MIN_SECRET_LENGTH, subscribeLock, updateLockSettings, watchAppLockChanges };
export type { LockSettings, UnlockResult };

/**
 * Tries a PIN or passphrase. At the last allowed wrong one, everything the app stored on this
 * device goes (the lost phone's defence), and the page starts again at the login screen.
 */
export async function unlock(secret: string): Promise<UnlockResult> {
  const result = await unlockAppLock(secret, async () => {
    await wipeLocalData();
    location.replace(location.pathname);
  });
  return result;
}
