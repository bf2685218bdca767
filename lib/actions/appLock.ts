import {
  addPasskey,
  appLockRow,
  disableAppLock,
  enableAppLock as enableSealing,
  isLocked,
  lockNow,
  MIN_SECRET_LENGTH,
  removePasskey,
  subscribeLock,
  unlockAppLock,
  unlockWithPasskey,
  updateLockSettings,
  watchAppLockChanges,
  type LockSettings,
  type UnlockResult,
} from '../lock/appLock';
import { getSettings, updateSettings } from '../db/settings';
import { wipeLocalData } from '../matrix/wipe';
import { forgetStoredDrafts } from './drafts';

export { addPasskey, removePasskey, unlockWithPasskey };
export { passkeyAvailable } from '../lock/passkey';
export { appLockRow, disableAppLock, isLocked, lockNow, MIN_SECRET_LENGTH, subscribeLock, updateLockSettings, watchAppLockChanges };
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

/**
 * Whether to suggest the app lock: on a phone or tablet (a touch screen is its main pointer),
 * while the lock is off, until the user says "Not now". Settings explains it for shared computers.
 */
export async function shouldSuggestAppLock(): Promise<boolean> {
  if (typeof matchMedia === 'undefined' || !matchMedia('(pointer: coarse)').matches) return false;
  if (await appLockRow()) return false;
  return !(await getSettings()).lockSuggestionDismissed;
}

export async function dismissAppLockSuggestion(): Promise<void> {
  await updateSettings({ lockSuggestionDismissed: true });
}

/** Turns the lock on (lib/lock/appLock.ts); drafts then live in the page only. */
export async function enableAppLock(...args: Parameters<typeof enableSealing>): Promise<void> {
  await enableSealing(...args);
  forgetStoredDrafts();
}
