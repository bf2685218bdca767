import Dexie from 'dexie';
import { MatrixEvent, type IEvent, type MatrixClient } from 'matrix-js-sdk';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyChanges, emptyBatch } from '../db/applyChanges';
import { closeDb, db, DB_NAME } from '../db/database';
import { fillGap, fillGapPage, loadOlder } from './history';

const ROOM = '!room:localhost';

function raw(i: number): Partial<IEvent> {
  return {
    event_id: `$m${i}`,
    room_id: ROOM,
    type: 'm.room.message',
    sender: '@bob:localhost',
    origin_server_ts: 1_000 + i,
    content: { msgtype: 'm.text', body: `m${i}` },
  };
}

/**
 * The homeserver's history of one room, m1..mN (m1 oldest). Tokens are positions: `p<k>`
 * paginates backwards from just before m<k>.
 */
function fakeClient(total: number) {
  const calls: string[] = [];
  const client = {
    async createMessagesRequest(_room: string, from: string | null, limit: number) {
      calls.push(`messages ${from} ${limit}`);
      const before = Number(from!.slice(1));
      const chunk: Partial<IEvent>[] = [];
      for (let i = before - 1; i >= 1 && chunk.length < limit; i--) chunk.push(raw(i));
      const next = before - chunk.length;
      return { chunk, start: from, end: next > 1 ? `p${next}` : undefined };
    },
    http: {
      async authedRequest(_method: string, path: string) {
        calls.push(`context ${decodeURIComponent(path.split('/').at(-1)!)}`);
        return { start: `p${Number(decodeURIComponent(path.split('/').at(-1)!).slice(2))}` };
      },
    },
    getEventMapper: () => (e: Partial<IEvent>) => new MatrixEvent(e),
    decryptEventIfNeeded: async () => undefined,
    getRoom: () => null,
  };
  return { client: client as unknown as MatrixClient, calls };
}

const stored = async () => (await db().events.where('[roomId+ts]').between([ROOM, -Infinity], [ROOM, Infinity]).toArray()).map((e) => e.body);

async function storeEvents(...ids: number[]) {
  const batch = emptyBatch();
  for (const i of ids) {
    batch.events.push({ kind: 'event', row: { eventId: `$m${i}`, roomId: ROOM, ts: 1_000 + i, sender: '@bob:localhost', senderName: 'Bob', type: 'm.room.message', body: `m${i}` } });
  }
  await applyChanges(batch);
}

beforeEach(async () => {
  closeDb();
  await Dexie.delete(DB_NAME);
});

describe('gap filling', () => {
  it('fills a gap page by page, in server order, without doubles, and removes it where stored history begins', async () => {
    const { client } = fakeClient(200);
    // Stored: m1..m3, then a limited sync brought m104..m123 (history m4..m103 skipped).
    await storeEvents(1, 2, 3, ...Array.from({ length: 20 }, (_, i) => 104 + i));
    await applyChanges({ ...emptyBatch(), gaps: [{ roomId: ROOM, ts: 1_104, beforeEventId: '$m104', token: 'p104' }] });
    const [gap] = await db().gaps.toArray();

    const first = await fillGapPage(client, gap, 30);
    expect(first).toEqual({ added: 30, closed: false });
    expect(await db().gaps.toArray()).toMatchObject([{ id: gap.id, ts: 1_074, beforeEventId: '$m74', token: 'p74' }]);

    const rest = await fillGap(client, gap.id!);
    expect(rest.closed).toBe(true);
    expect(await db().gaps.count()).toBe(0);
    expect(await stored()).toEqual(Array.from({ length: 123 }, (_, i) => `m${i + 1}`));
  });

  it('resolves a gap without a token from the event after it', async () => {
    const { client, calls } = fakeClient(50);
    await storeEvents(10, 40);
    await applyChanges({ ...emptyBatch(), gaps: [{ roomId: ROOM, ts: 1_040, beforeEventId: '$m40' }] });
    const [gap] = await db().gaps.toArray();
    expect((await fillGap(client, gap.id!)).closed).toBe(true);
    expect(calls[0]).toBe('context $m40');
    expect(await stored()).toEqual(Array.from({ length: 31 }, (_, i) => `m${i + 10}`));
  });

  it('loads older history above the oldest stored event until the start of the room', async () => {
    const { client } = fakeClient(60);
    await storeEvents(...Array.from({ length: 10 }, (_, i) => 51 + i));
    expect(await loadOlder(client, ROOM, 30)).toBe(true);
    expect((await stored()).length).toBe(40);
    expect(await loadOlder(client, ROOM, 30)).toBe(false);
    expect(await stored()).toEqual(Array.from({ length: 60 }, (_, i) => `m${i + 1}`));
    expect(await db().gaps.count()).toBe(0);
  });
});
