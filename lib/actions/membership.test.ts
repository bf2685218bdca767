// Accepting an invitation and leaving: queued room changes, shown at once where they can be.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { listRooms } from '../db/queries';
import { acceptInvite } from './acceptInvite';
import { leaveRoom } from './leaveRoom';
import { freshDatabase, joinedRoom, outboxRows } from '../db/testDatabase';

beforeEach(freshDatabase);

describe('membership', () => {
  it('accepts an invitation through the outbox (the room shows as joined once the homeserver says so)', async () => {
    await db().rooms.put(joinedRoom(0, { membership: 'invite' }));
    await acceptInvite('!r:hs');
    expect((await outboxRows()).map((r) => [r.kind, r.roomId, r.content])).toEqual([['room', '!r:hs', { op: 'join' }]]);
    expect((await db().rooms.get('!r:hs'))?.membership).toBe('invite');
  });

  it('leaves a room: gone from the list at once, the leave queued', async () => {
    await db().rooms.put(joinedRoom(0));
    await leaveRoom('!r:hs');
    expect(await listRooms()).toEqual([]);
    expect((await outboxRows()).map((r) => r.content)).toEqual([{ op: 'leave' }]);
  });
});
