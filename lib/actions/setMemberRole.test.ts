import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { joinedRoom } from '../db/testDatabase';
import { setMemberRole } from './setMemberRole';

const room = (myPowerLevel: number) => joinedRoom(myPowerLevel);
const member = (userId: string, powerLevel: number) => ({ roomId: '!r:hs', userId, displayName: userId, membership: 'join', powerLevel });

beforeEach(async () => {
  await db().delete();
  await db().open();
  await db().members.bulkPut([member('@me:hs', 100), member('@bob:hs', 0), member('@boss:hs', 100)]);
});

describe('setMemberRole', () => {
  it('queues the new power level for an admin', async () => {
    await db().rooms.put(room(100));
    await setMemberRole('!r:hs', '@bob:hs', 'moderator', '@me:hs');
    expect((await db().outbox.toArray()).map((r) => [r.kind, r.content])).toEqual([['room', { op: 'power', userId: '@bob:hs', level: 50 }]]);
  });

  it('refuses without the power to change roles, for a member of equal level, and above the user\'s own level', async () => {
    // A moderator where changing roles takes an admin.
    await db().rooms.put(room(50));
    await expect(setMemberRole('!r:hs', '@bob:hs', 'moderator', '@me:hs')).rejects.toMatchObject({ code: 'notAllowed' });
    // An admin cannot demote another admin.
    await db().rooms.put(room(100));
    await expect(setMemberRole('!r:hs', '@boss:hs', 'member', '@me:hs')).rejects.toMatchObject({ code: 'notAllowed' });
    // A moderator where moderators may change roles: up to moderator, not admin.
    await db().rooms.put(joinedRoom(50, { levels: { ...joinedRoom(50).levels!, power: 50 } }));
    await expect(setMemberRole('!r:hs', '@bob:hs', 'admin', '@me:hs')).rejects.toMatchObject({ code: 'notAllowed' });
    await setMemberRole('!r:hs', '@bob:hs', 'moderator', '@me:hs');
    expect((await db().outbox.toArray()).map((r) => r.content)).toEqual([{ op: 'power', userId: '@bob:hs', level: 50 }]);
  });
});
