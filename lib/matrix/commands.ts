// What the syncing tab does for any tab: each command gets the running client. Loaded on
// demand (it reaches the SDK), by the syncing tab only.
import type { MatrixClient } from 'matrix-js-sdk';
import { ActionError, describeSdkError } from './errors';
import { fillGap, loadOlder } from './history';
import { resolveAlias } from './rooms';

export const commands = {
  /** Whether the homeserver knows a user (asked before a direct chat is queued, when online). */
  userExists: async (client: MatrixClient, userId: string) => {
    try {
      await client.getProfileInfo(userId);
      return true;
    } catch (error) {
      if (describeSdkError(error).status === 404) return false;
      throw error;
    }
  },
  resolveAlias: (client: MatrixClient, alias: string) => resolveAlias(client, alias),
  sendTyping: async (client: MatrixClient, roomId: string, typing: boolean, timeoutMs: number) => {
    await client.sendTyping(roomId, typing, timeoutMs);
  },
  loadOlder: (client: MatrixClient, roomId: string, count: number) => loadOlder(client, roomId, count),
  fillGap: async (client: MatrixClient, gapId: number) => (await fillGap(client, gapId)).closed,
  listDevices: async (client: MatrixClient) => (await import('./crypto/devices')).listDevices(client),
  renameDevice: async (client: MatrixClient, deviceId: string, name: string) =>
    (await import('./crypto/devices')).renameDevice(client, deviceId, name),
  signOutDevice: async (client: MatrixClient, deviceId: string, password: string) =>
    (await import('./crypto/devices')).signOutDevice(client, deviceId, password),
  verifyWithRecoveryKey: async (client: MatrixClient, recoveryKey: string) => {
    const setup = await import('./crypto/encryptionSetup');
    try {
      await setup.verifyWithRecoveryKey(client, recoveryKey);
    } catch (error) {
      if (error instanceof setup.WrongRecoveryKey) throw new ActionError('wrongRecoveryKey');
      throw error;
    }
  },
  resetRecoveryKey: async (client: MatrixClient) => (await import('./crypto/encryptionSetup')).resetRecoveryKey(client),
  /** The new recovery key, from the syncing tab's memory (it is never stored). */
  recoveryKeyToShow: async (client: MatrixClient) => (await import('./crypto/encryptionSetup')).recoveryKeyToShow(client),
  recoveryKeySaved: async () => (await import('./crypto/encryptionSetup')).recoveryKeySaved(),
  /** The emoji verification, run by the syncing tab's controller whichever tab the user is in. */
  verification: async (_client: MatrixClient, step: VerificationStep, match?: boolean) => {
    const { verificationView } = await import('./crypto/verificationView');
    const controller = verificationView.controller();
    if (!controller) throw new ActionError('notReady');
    if (step === 'start') return controller.start();
    if (step === 'accept') return controller.accept();
    if (step === 'answer') return controller.answer(match === true);
    if (step === 'cancel') return controller.cancel();
    return controller.dismiss();
  },
};

export type VerificationStep = 'start' | 'accept' | 'answer' | 'cancel' | 'dismiss';

export type Commands = typeof commands;
export type CommandName = keyof Commands;
