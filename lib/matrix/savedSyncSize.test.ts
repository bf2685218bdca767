import { IndexedDBStore } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import { trimSavedTimelines } from './savedSyncSize';

const ROOM = '!r:hs';
const message = (i: number) => ({ event_id: `$m${i}`, type: 'm.room.message', sender: '@b:hs', origin_server_ts: i, content: { body: `m${i}` }, unsigned: { age: 1 } });
const nameEvent = { event_id: '$name', type: 'm.room.name', state_key: '', sender: '@b:hs', origin_server_ts: 0, content: { name: 'Dossier' } };

/** One sync response: a room with `count` new messages, its state after them. */
function sync(next: string, count: number) {
  return {
    next_batch: next,
    rooms: {
      join: {
        [ROOM]: {
          timeline: { events: Array.from({ length: count }, (_, i) => message(i + 1)), prev_batch: `p-${next}`, limited: false },
          'org.matrix.msc4222.state_after': { events: [nameEvent] },
        },
      },
    },
  };
}

function newStore(dbName: string) {
  return new IndexedDBStore({ indexedDB: globalThis.indexedDB, dbName });
}

describe('trimSavedTimelines (against the installed matrix-js-sdk)', () => {
  it('writes the newest few events per room and the whole state; a new start reads them back', async () => {
    const store = newStore('trim-test');
    const saved: string[] = [];
    expect(trimSavedTimelines(store, 3, (next) => saved.push(next))).toBe(true);
    await store.startup();
    await store.setSyncData(sync('s1', 12) as never);
    await store.save(true);
    // The position is reported once written, so the app's resume point never runs ahead of it.
    expect(saved).toEqual(['s1']);

    const reopened = newStore('trim-test');
    await reopened.startup();
    const savedSync = await reopened.getSavedSync();
    const room = savedSync!.roomsData.join[ROOM];
    expect(savedSync!.nextBatch).toBe('s1');
    expect(room.timeline.events.map((e) => e.event_id)).toEqual(['$m10', '$m11', '$m12']);
    const stateAfter = (room as unknown as Record<string, { events: { type: string; content: { name?: string } }[] }>)['org.matrix.msc4222.state_after'];
    expect(stateAfter.events.find((e) => e.type === 'm.room.name')?.content.name).toBe('Dossier');
  });

  it('without it, the SDK would keep more: the limit is what changes the saved size', async () => {
    const store = newStore('untrimmed-test');
    await store.startup();
    await store.setSyncData(sync('s1', 12) as never);
    await store.save(true);
    const reopened = newStore('untrimmed-test');
    await reopened.startup();
    expect((await reopened.getSavedSync())!.roomsData.join[ROOM].timeline.events).toHaveLength(12);
  });
});
