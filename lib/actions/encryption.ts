import { updateCryptoStatus } from '../db/cryptoStatus';
import { ActionError } from '../matrix/errors';
import { runCommand } from '../matrix/remote';

/** Asked once: from now on a banner reminds the user to verify this device. */
export async function postponeVerification(): Promise<void> {
  await updateCryptoStatus({ verificationPostponed: true });
}

/** "Verify now" from the reminder: the question is asked again. */
export async function askVerificationAgain(): Promise<void> {
  await updateCryptoStatus({ verificationPostponed: false });
}

/** The user has saved the new recovery key: the syncing tab forgets it too. */
export async function acknowledgeRecoveryKey(): Promise<void> {
  await updateCryptoStatus({ recoveryKeySaved: true, recoveryKeyPending: false });
  await runCommand('recoveryKeySaved').catch(() => undefined);
}

/**
 * The recovery key to show, from the syncing tab (a new one if it no longer has it), or null.
 * Right after the app opens no tab may sync yet: asked again for up to 30 s.
 */
export async function recoveryKeyToShow(): Promise<string | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runCommand('recoveryKeyToShow');
    } catch (error) {
      const starting = error instanceof ActionError && (error.code === 'notReady' || error.code === 'noSyncingTab');
      if (!starting || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** Verifies this device with the recovery key; earlier messages then decrypt. */
export function verifyWithRecoveryKey(recoveryKey: string): Promise<void> {
  return runCommand('verifyWithRecoveryKey', recoveryKey);
}

export function resetRecoveryKey(): Promise<void> {
  return runCommand('resetRecoveryKey');
}

// The emoji verification runs in the syncing tab; any tab's dialog drives it.
export const startSelfVerification = () => runCommand('verification', 'start');
export const acceptVerification = () => runCommand('verification', 'accept');
export const answerEmoji = (match: boolean) => runCommand('verification', 'answer', match);
export const cancelVerification = () => runCommand('verification', 'cancel');
export const dismissVerification = () => void runCommand('verification', 'dismiss').catch(() => undefined);
