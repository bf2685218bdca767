import { updateCryptoStatus } from '../db/cryptoStatus';
import { currentClient } from '../matrix/client';
import { verificationView } from '../matrix/crypto/verificationView';
import { ActionError } from '../matrix/errors';

async function requireClient() {
  const running = currentClient();
  if (!running) throw new ActionError('notReady');
  return (await running).client;
}

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
export async function verifyWithRecoveryKey(recoveryKey: string): Promise<void> {
  const client = await requireClient();
  const setup = await import('../matrix/crypto/encryptionSetup');
  try {
    await setup.verifyWithRecoveryKey(client, recoveryKey);
  } catch (error) {
    if (error instanceof setup.WrongRecoveryKey) throw new ActionError('wrongRecoveryKey');
    throw new ActionError('failed');
  }
}

export async function resetRecoveryKey(): Promise<void> {
  const client = await requireClient();
  const setup = await import('../matrix/crypto/encryptionSetup');
  await setup.resetRecoveryKey(client);
}

export const startSelfVerification = () => requireController().start();
export const acceptVerification = () => requireController().accept();
export const answerEmoji = (match: boolean) => requireController().answer(match);
export const cancelVerification = () => requireController().cancel();
export const dismissVerification = () => verificationView.controller()?.dismiss();
