import { MatrixEvent, type MatrixClient } from 'matrix-js-sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangeBatch } from '../db/applyChanges';

const written: ChangeBatch[] = [];
let failuresLeft = 0;
vi.mock('../db/applyChanges', async (original) => ({
  ...(await original<typeof import('../db/applyChanges')>()),
  applyChanges: async (batch: ChangeBatch) => {
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new DOMException('quota', 'QuotaExceededError');
    }
    written.push(batch);
  },
}));

const { Ingest } = await import('./ingest');
const { storageHealthy } = await import('../status/storageHealth');

const client = { getRoom: () => null, getRooms: () => [], getAccountData: () => undefined, getUserId: () => '@me:hs', getPushActionsForEvent: () => null } as unknown as MatrixClient;
const message = (id: string) =>
  new MatrixEvent({ event_id: id, room_id: '!r', type: 'm.room.message', sender: '@a:hs', origin_server_ts: 1, content: { msgtype: 'm.text', body: id } });

afterEach(() => {
  vi.useRealTimers();
  written.length = 0;
});

describe('Ingest', () => {
  it('keeps a batch the storage refused and writes it, in order, once storage accepts again', async () => {
    vi.useFakeTimers();
    const ingest = new Ingest(client);
    failuresLeft = 2;
    ingest.event(message('$1'));
    await ingest.flush();
    expect(storageHealthy()).toBe(false);
    ingest.event(message('$2'));
    await ingest.flush();
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    await ingest.flush();
    const ids = written.flatMap((b) => b.events.map((c) => (c.kind === 'event' ? c.row.eventId : '')));
    expect(ids).toEqual(['$1', '$2']);
    expect(storageHealthy()).toBe(true);
    ingest.stop();
  });
});
