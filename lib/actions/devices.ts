import { currentClient } from '../matrix/client';
import type { DeviceInfo } from '../matrix/crypto/devices';
import { ActionError, describeSdkError } from '../matrix/errors';

export type { DeviceInfo };

async function withClient<T>(fn: (client: Awaited<NonNullable<ReturnType<typeof currentClient>>>['client'], devices: typeof import('../matrix/crypto/devices')) => Promise<T>): Promise<T> {
  const running = currentClient();
  if (!running) throw new ActionError('notReady');
  const { client } = await running;
  const devices = await import('../matrix/crypto/devices');
  try {
    return await fn(client, devices);
  } catch (error) {
    if (error instanceof ActionError) throw error;
    throw new ActionError(describeSdkError(error).status === undefined ? 'offline' : 'failed');
  }
}

export const listDevices = () => withClient((client, d) => d.listDevices(client));
export const renameDevice = (deviceId: string, name: string) => withClient((client, d) => d.renameDevice(client, deviceId, name));
export const signOutDevice = (deviceId: string, password: string) =>
  withClient((client, d) => d.signOutDevice(client, deviceId, password));
