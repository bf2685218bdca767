import { updateCryptoStatus } from '../db/cryptoStatus';
import { verificationView } from '../matrix/crypto/verificationView';
import { ActionError } from '../matrix/errors';
import { runCommand } from '../matrix/remote';

function requireController() {
  const controller = verificationView.controller();
  if (!controller) throw new ActionError('notReady');
  return controller;
}

/** The user has saved the new recovery key: it is deleted from this device. */
export async function acknowledgeRecoveryKey(): Promise<void> {
  await updateCryptoStatus({ recoveryKeySaved: true, pendingRecoveryKey: undefined });
}

/** Verifies this device with the recovery key; earlier messages then decrypt. */
export function verifyWithRecoveryKey(recoveryKey: string): Promise<void> {
  return runCommand('verifyWithRecoveryKey', recoveryKey);
}

export function resetRecoveryKey(): Promise<void> {
  return runCommand('resetRecoveryKey');
}

export const startSelfVerification = () => requireController().start();
export const acceptVerification = () => requireController().accept();
export const answerEmoji = (match: boolean) => requireController().answer(match);
export const cancelVerification = () => requireController().cancel();
export const dismissVerification = () => verificationView.controller()?.dismiss();
