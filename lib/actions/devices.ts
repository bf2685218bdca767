import type { DeviceInfo } from '../matrix/crypto/devices';
import { runCommand } from '../matrix/remote';

export type { DeviceInfo };

export const listDevices = () => runCommand('listDevices');
export const renameDevice = (deviceId: string, name: string) => runCommand('renameDevice', deviceId, name);
export const signOutDevice = (deviceId: string, password: string) => runCommand('signOutDevice', deviceId, password);
