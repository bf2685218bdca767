import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { dataSaverSetting, maxEventsPerRoom, setDataSaver, setMaxEventsPerRoom } from './storage';
import { freshDatabase, joinedRoom } from '../db/testDatabase';

beforeEach(freshDatabase);

const event = (i: number) => ({ eventId: `$e${i}`, roomId: '!r:hs', ts: i, sender: '@b:hs', senderName: 'B', type: 'm.room.message', body: `m${i}` });

describe('storage settings', () => {
  it('keeps the chosen number of messages per room (at least 50), pruning the oldest now', async () => {
    await db().rooms.put(joinedRoom(0));
    await db().events.bulkPut(Array.from({ length: 80 }, (_, i) => event(i)));
    await setMaxEventsPerRoom(10);
    expect(await maxEventsPerRoom()).toBe(50);
    const kept = await db().events.where('roomId').equals('!r:hs').toArray();
    expect(kept).toHaveLength(50);
    expect(Math.min(...kept.map((e) => e.ts))).toBe(30);
  });

  it('remembers the data saver choice', async () => {
    await setDataSaver('on');
    expect(await dataSaverSetting()).toBe('on');
  });
});
