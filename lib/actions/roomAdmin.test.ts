import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';

const commands: unknown[][] = [];
vi.mock('../matrix/remote', () => ({
  runCommand: async (...args: unknown[]) => {
    commands.push(args);
    return args[1] === '#unknown:hs' ? null : '!joined:hs';
  },
}));
const { inviteToRoom, joinRoomByAddress, removeMember, renameRoom, setRoomTopic } = await import('./roomAdmin');

const room = (myPowerLevel: number) => ({
  roomId: '!r:hs', name: 'R', membership: 'join' as const, isDirect: false, encrypted: true, lastTs: 1, unread: 0, mentions: 0, tags: [],
  myPowerLevel, levels: { redact: 50, invite: 0, kick: 50, name: 50, topic: 50 },
});

beforeEach(async () => {
  commands.length = 0;
  await db().delete();
  await db().open();
});

describe('room administration', () => {
  it('refuses, before asking the homeserver, what the power levels do not allow', async () => {
    await db().rooms.put(room(0));
    await expect(renameRoom('!r:hs', 'New')).rejects.toMatchObject({ code: 'notAllowed' });
    await expect(setRoomTopic('!r:hs', 'Topic')).rejects.toMatchObject({ code: 'notAllowed' });
    await expect(removeMember('!r:hs', '@x:hs')).rejects.toMatchObject({ code: 'notAllowed' });
    await inviteToRoom('!r:hs', ' @anna:hs ');
    expect((await db().outbox.toArray()).map((r) => [r.kind, r.content])).toEqual([['room', { op: 'invite', userId: '@anna:hs' }]]);
    expect(commands).toEqual([]);
  });

  it('lets a moderator rename, set the topic and remove members', async () => {
    await db().rooms.put(room(50));
    await renameRoom('!r:hs', ' New ');
    await setRoomTopic('!r:hs', 'Topic');
    await removeMember('!r:hs', '@x:hs');
    // Queued in order, like messages: they go out when the homeserver is reachable.
    expect((await db().outbox.orderBy('createdAt').toArray()).map((r) => r.content)).toEqual([
      { op: 'name', value: 'New' },
      { op: 'topic', value: 'Topic' },
      { op: 'kick', userId: '@x:hs' },
    ]);
  });

  it('checks user ids and room addresses first', async () => {
    await db().rooms.put(room(100));
    await expect(inviteToRoom('!r:hs', 'anna')).rejects.toMatchObject({ code: 'invalidUserId' });
    await expect(joinRoomByAddress('service')).rejects.toMatchObject({ code: 'invalidRoomAddress' });
    // The alias resolves to a room the user is not in: the join is queued under a placeholder.
    const placeholder = await joinRoomByAddress('https://matrix.to/#/#service:hs?via=hs');
    expect(placeholder).toMatch(/^~/);
    expect(commands).toEqual([['resolveAlias', '#service:hs']]);
    expect((await db().outbox.get(placeholder.slice(1)))).toMatchObject({ kind: 'joinAddress', content: { address: '!joined:hs', via: ['hs'] } });
    // A room the user is in already just opens.
    await db().rooms.put({ ...room(0), roomId: '!joined:hs' });
    expect(await joinRoomByAddress('#service:hs')).toBe('!joined:hs');
  });

  it('refuses an alias the homeserver does not know, before queuing anything', async () => {
    await expect(joinRoomByAddress('#unknown:hs')).rejects.toMatchObject({ code: 'roomNotFound' });
    expect(await db().outbox.count()).toBe(0);
  });
});
