import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import { freshDatabase, joinedRoom, outboxRows } from '../db/testDatabase';

const commands: unknown[][] = [];
/** The homeserver's aliases: undefined stands for no answer (offline). */
let aliases: Record<string, string | null | undefined> = {};
vi.mock('../matrix/remote', () => ({
  runCommand: async (...args: unknown[]) => {
    commands.push(args);
    const answer = aliases[args[1] as string];
    if (answer === undefined) throw new Error('offline');
    return answer;
  },
}));
const { joinRoomByAddress } = await import('./joinRoomByAddress');

beforeEach(async () => {
  commands.length = 0;
  aliases = { '#service:hs': '!service:hs', '#unknown:hs': null };
  await freshDatabase();
});

describe('joinRoomByAddress', () => {
  it('queues the join under a placeholder room, by the id the alias resolves to', async () => {
    const placeholder = await joinRoomByAddress('https://matrix.to/#/#service:hs?via=hs');
    expect(placeholder).toMatch(/^~/);
    expect(commands).toEqual([['resolveAlias', '#service:hs']]);
    expect((await outboxRows()).map((r) => [r.kind, r.roomId, r.content])).toEqual([['joinAddress', placeholder, { address: '!service:hs', via: ['hs'] }]]);
    expect(await db().rooms.get(placeholder)).toMatchObject({ name: '#service:hs', creating: true });
  });

  it('opens a room the user is in already, and refuses an alias the homeserver does not know', async () => {
    await db().rooms.put(joinedRoom(0, { roomId: '!service:hs' }));
    expect(await joinRoomByAddress('#service:hs')).toBe('!service:hs');
    await expect(joinRoomByAddress('#unknown:hs')).rejects.toMatchObject({ code: 'roomNotFound' });
    await expect(joinRoomByAddress('service')).rejects.toMatchObject({ code: 'invalidRoomAddress' });
    expect(await outboxRows()).toEqual([]);
  });

  it('offline, queues the alias itself', async () => {
    const placeholder = await joinRoomByAddress('#elsewhere:hs');
    expect((await outboxRows())[0]).toMatchObject({ roomId: placeholder, content: { address: '#elsewhere:hs', via: [] } });
  });
});

describe('a room joined by address, before the homeserver answers', () => {
  it('gives the user no power there yet (a created room makes them its admin)', async () => {
    const placeholder = await joinRoomByAddress('#service:hs');
    expect((await db().rooms.get(placeholder))?.myPowerLevel).toBeUndefined();
  });
});
