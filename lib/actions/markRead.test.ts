import { beforeEach, describe, expect, it } from 'vitest';
import { applyChanges, emptyBatch } from '../db/applyChanges';
import { db } from '../db/database';
import { markRead } from './markRead';
import { readPosition } from '../db/queries';
import { freshDatabase, joinedRoom, outboxRows } from '../db/testDatabase';

beforeEach(freshDatabase);

const event = (eventId: string, ts: number) => ({ eventId, roomId: '!r:hs', ts, sender: '@b:hs', senderName: 'B', type: 'm.room.message', body: eventId });

describe('markRead', () => {
  it('clears the counts at once and queues one receipt for the newest stored event', async () => {
    await db().rooms.put(joinedRoom(0, { unread: 3, mentions: 1 }));
    await db().events.bulkPut([event('$old', 1), event('$new', 2)]);
    expect(await markRead('!r:hs', '@me:hs')).toBe('$new');
    expect(await markRead('!r:hs', '@me:hs')).toBe('$new');
    expect(await db().rooms.get('!r:hs')).toMatchObject({ unread: 0, mentions: 0 });
    // Read twice offline: one receipt waits.
    expect((await outboxRows()).map((r) => [r.kind, r.relation?.eventId])).toEqual([['receipt', '$new']]);
  });

  it("keeps the user's read position on the device at once, never moving it back for an older echo", async () => {
    await db().rooms.put(joinedRoom(0));
    await db().events.bulkPut([event('$old', 1), event('$new', 2)]);
    expect(await readPosition('!r:hs', '@me:hs')).toBeUndefined();
    await markRead('!r:hs', '@me:hs');
    expect(await readPosition('!r:hs', '@me:hs')).toBe('$new');
    // The homeserver's echo of an earlier receipt (an older time) arrives afterwards.
    await applyChanges({ ...emptyBatch(), receipts: [{ roomId: '!r:hs', userId: '@me:hs', eventId: '$old', ts: 5 }] });
    expect(await readPosition('!r:hs', '@me:hs')).toBe('$new');
  });

  it('queues nothing for a room without stored events', async () => {
    await db().rooms.put(joinedRoom(0));
    expect(await markRead('!r:hs', '@me:hs')).toBeUndefined();
    expect(await outboxRows()).toEqual([]);
  });
});
