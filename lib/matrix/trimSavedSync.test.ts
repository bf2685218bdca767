import { describe, expect, it } from 'vitest';
import type { ISavedSync } from 'matrix-js-sdk/lib/store/index.js';
import { trimSavedSync } from './trimSavedSync';

const event = (i: number) => ({ event_id: `$${i}`, type: 'm.room.message', sender: '@a:hs', origin_server_ts: i, content: { body: `m${i}` } });

function saved(rooms: Record<string, { events: number; stateAfter: boolean }>): ISavedSync {
  const join: Record<string, unknown> = {};
  for (const [id, r] of Object.entries(rooms)) {
    join[id] = {
      timeline: { events: Array.from({ length: r.events }, (_, i) => event(i + 1)), prev_batch: 'p', limited: false },
      state: { events: [] },
      ...(r.stateAfter ? { 'org.matrix.msc4222.state_after': { events: [{ type: 'm.room.name', state_key: '', content: { name: id } }] } } : {}),
    };
  }
  return { nextBatch: 's1', accountData: [], roomsData: { join, invite: {}, leave: {}, knock: {} } } as unknown as ISavedSync;
}

describe('trimSavedSync', () => {
  it('keeps the newest events of each room whose state after the timeline is saved', () => {
    const out = trimSavedSync(saved({ '!a': { events: 20, stateAfter: true }, '!b': { events: 2, stateAfter: true } }), 3)!;
    expect(out.roomsData.join['!a'].timeline.events.map((e) => e.event_id)).toEqual(['$18', '$19', '$20']);
    expect(out.roomsData.join['!a'].timeline.limited).toBe(true);
    expect(out.roomsData.join['!b'].timeline.events).toHaveLength(2);
    expect(out.nextBatch).toBe('s1');
  });

  it('leaves a room alone when only the state before its timeline is saved (dropping events would drop state)', () => {
    const out = trimSavedSync(saved({ '!c': { events: 20, stateAfter: false } }), 3)!;
    expect(out.roomsData.join['!c'].timeline.events).toHaveLength(20);
  });

  it('passes "nothing saved" through', () => {
    expect(trimSavedSync(null, 3)).toBeNull();
  });
});

describe('trimSavedSync copies', () => {
  it('returns a copy: the replay may change it, the saved sync stays as it was', () => {
    const original = saved({ '!a': { events: 20, stateAfter: true }, '!c': { events: 5, stateAfter: false } });
    const out = trimSavedSync(original, 3)!;
    out.roomsData.join['!c'].timeline.events[0].content.body = 'changed by the replay';
    expect(original.roomsData.join['!a'].timeline.events).toHaveLength(20);
    expect(original.roomsData.join['!a'].timeline.limited).toBe(false);
    expect(original.roomsData.join['!c'].timeline.events[0].content.body).toBe('m1');
  });
});
