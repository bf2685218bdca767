import { updateCryptoStatus } from '../db/cryptoStatus';
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

/** The recovery key to show, from the syncing tab (a new one if it no longer has it), or null. */
export function recoveryKeyToShow(): Promise<string | null> {
  return runCommand('recoveryKeyToShow');
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
