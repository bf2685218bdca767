import { afterEach, describe, expect, it } from 'vitest';
import { ActionError } from './errors';
import { requestFromLeader, serveRequests } from './rpc';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

describe('requests to the syncing tab', () => {
  it('runs the method there and brings back its result', async () => {
    const seen: unknown[] = [];
    stop = serveRequests(async (method, args) => {
      seen.push([method, args]);
      return `!room-for-${String(args[0])}`;
    });
    expect(await requestFromLeader('userExists', ['@bob:hs'])).toBe('!room-for-@bob:hs');
    expect(seen).toEqual([['userExists', ['@bob:hs']]]);
  });

  it("brings back the syncing tab's failure as the same localised error", async () => {
    stop = serveRequests(async () => {
      throw new ActionError('userNotFound');
    });
    await expect(requestFromLeader('userExists', ['@nobody:hs'])).rejects.toMatchObject({ code: 'userNotFound' });
  });

  it('says so when no tab syncs', async () => {
    await expect(requestFromLeader('listDevices', [], { ackTimeoutMs: 50 })).rejects.toMatchObject({ code: 'noSyncingTab' });
  });

  it('gives up when the syncing tab acknowledged and then went away', async () => {
    stop = serveRequests(() => new Promise(() => undefined));
    await expect(requestFromLeader('loadOlder', ['!r', 50], { answerTimeoutMs: 100 })).rejects.toMatchObject({ code: 'offline' });
  });
});
