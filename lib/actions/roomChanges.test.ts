// The queued room changes checked against power levels: invite, remove, rename, topic.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { inviteToRoom } from './inviteToRoom';
import { removeMember } from './removeMember';
import { renameRoom } from './renameRoom';
import { setRoomTopic } from './setRoomTopic';
import { freshDatabase, joinedRoom, outboxRows } from '../db/testDatabase';

beforeEach(freshDatabase);

describe('room changes', () => {
  it('refuses, before queuing anything, what the power levels do not allow', async () => {
    await db().rooms.put(joinedRoom(0));
    await expect(renameRoom('!r:hs', 'New')).rejects.toMatchObject({ code: 'notAllowed' });
    await expect(setRoomTopic('!r:hs', 'Topic')).rejects.toMatchObject({ code: 'notAllowed' });
    await expect(removeMember('!r:hs', '@x:hs')).rejects.toMatchObject({ code: 'notAllowed' });
    await expect(inviteToRoom('!r:hs', 'anna')).rejects.toMatchObject({ code: 'invalidUserId' });
    await expect(inviteToRoom('!unknown:hs', '@anna:hs')).rejects.toMatchObject({ code: 'notAllowed' });
    // Inviting takes level 0 here.
    await inviteToRoom('!r:hs', ' @anna:hs ');
    expect((await outboxRows()).map((r) => [r.kind, r.content])).toEqual([['room', { op: 'invite', userId: '@anna:hs' }]]);
  });

  it('lets a moderator rename, set the topic and remove members, queued in order like messages', async () => {
    await db().rooms.put(joinedRoom(50));
    await renameRoom('!r:hs', ' New ');
    await setRoomTopic('!r:hs', 'Topic');
    await removeMember('!r:hs', '@x:hs');
    expect((await outboxRows()).map((r) => r.content)).toEqual([
      { op: 'name', value: 'New' },
      { op: 'topic', value: 'Topic' },
      { op: 'kick', userId: '@x:hs' },
    ]);
  });
});
