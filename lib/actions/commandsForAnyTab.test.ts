// Device management and verification: asked of the syncing tab, from any tab.
import { describe, expect, it, vi } from 'vitest';

const commands: unknown[][] = [];
vi.mock('../matrix/remote', () => ({
  runCommand: async (...args: unknown[]) => {
    commands.push(args);
    return args[0] === 'listDevices' ? [] : undefined;
  },
}));
const devices = await import('./devices');
const encryption = await import('./encryption');

describe('commands for any tab', () => {
  it('asks the syncing tab for devices and for each verification step', async () => {
    expect(await devices.listDevices()).toEqual([]);
    await devices.renameDevice('D1', 'Phone');
    await devices.signOutDevice('D2', 'pw');
    await encryption.startSelfVerification();
    await encryption.answerEmoji(true);
    await encryption.cancelVerification();
    expect(commands).toEqual([
      ['listDevices'],
      ['renameDevice', 'D1', 'Phone'],
      ['signOutDevice', 'D2', 'pw'],
      ['verification', 'start'],
      ['verification', 'answer', true],
      ['verification', 'cancel'],
    ]);
  });
});
