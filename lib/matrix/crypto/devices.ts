import type { MatrixClient } from 'matrix-js-sdk';
import { ActionError, describeSdkError } from '../errors';

export interface DeviceInfo {
  deviceId: string;
  displayName: string;
  lastSeenTs?: number;
  /** Signed by the account's self-signing key (verified by one of its devices). */
  verified: boolean;
  current: boolean;
}

/** The account's devices as the homeserver lists them, with their cross-signing state. */
export async function listDevices(client: MatrixClient): Promise<DeviceInfo[]> {
  const me = client.getSafeUserId();
  const crypto = client.getCrypto();
  const { devices } = await client.getDevices();
  const rows: DeviceInfo[] = [];
  for (const d of devices) {
    const status = await crypto?.getDeviceVerificationStatus(me, d.device_id);
    rows.push({
      deviceId: d.device_id,
      displayName: d.display_name ?? d.device_id,
      lastSeenTs: d.last_seen_ts,
      verified: status?.crossSigningVerified ?? false,
      current: d.device_id === client.getDeviceId(),
    });
  }
  return rows.sort((a, b) => Number(b.current) - Number(a.current) || (b.lastSeenTs ?? 0) - (a.lastSeenTs ?? 0));
}

export async function renameDevice(client: MatrixClient, deviceId: string, name: string): Promise<void> {
  await client.setDeviceDetails(deviceId, { display_name: name.trim() });
}

/** Signs another device out; the homeserver asks for the password (user-interactive auth). */
export async function signOutDevice(client: MatrixClient, deviceId: string, password: string): Promise<void> {
  try {
    await client.deleteDevice(deviceId);
  } catch (error) {
    const session = (error as { data?: { session?: string } }).data?.session;
    if (describeSdkError(error).status !== 401 || !session) throw error;
    try {
      await client.deleteDevice(deviceId, {
        type: 'm.login.password',
        identifier: { type: 'm.id.user', user: client.getSafeUserId() },
        password,
        session,
      });
    } catch (second) {
      if (describeSdkError(second).status === 401) throw new ActionError('wrongPassword');
      throw second;
    }
  }
}
