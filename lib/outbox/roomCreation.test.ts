import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { discardOutboxRow } from '../db/outbox';
import { listRooms } from '../db/queries';
import { enqueue, enqueueRoomChange, enqueueRoomCreation } from './enqueue';
import { OutboxFlusher, type Transport } from './flush';
import type { OutgoingRequest } from './request';

/** Creates rooms as "!created-N", sends everything else. */
class Homeserver implements Transport {
  requests: OutgoingRequest[] = [];
  async send(request: OutgoingRequest): Promise<string> {
    this.requests.push(request);
    return request.kind === 'create' ? `!created-${this.requests.length}` : `$e${this.requests.length}`;
  }
  describeFailure() {
    return {};
  }
}

beforeEach(async () => {
  await db().delete();
  await db().open();
});

const text = (roomId: string, body: string) => enqueue({ roomId, content: { msgtype: 'm.text', body } });

describe('rooms created through the outbox', () => {
  it('shows the room at once; what is written there waits for the creation, then goes to the real room, in order', async () => {
    const placeholder = await enqueueRoomCreation({ name: 'Chantier', invite: ['@bob:hs'], direct: false }, 'Chantier');
    expect(placeholder).toMatch(/^~/);
    expect((await listRooms()).map((r) => [r.roomId, r.name, r.creating])).toEqual([[placeholder, 'Chantier', true]]);
    await text(placeholder, 'first');
    await enqueueRoomChange(placeholder, { op: 'topic', value: 'Km 10' });
    await text(placeholder, 'second');

    const homeserver = new Homeserver();
    const flusher = new OutboxFlusher({ transport: homeserver, schedule: false });
    await flusher.flush();
    expect(homeserver.requests.map((r) => [r.kind, r.roomId])).toEqual([
      ['create', placeholder],
      ['event', '!created-1'],
      ['room', '!created-1'],
      ['event', '!created-1'],
    ]);
    expect(homeserver.requests[0]).toMatchObject({ creation: { name: 'Chantier', invite: ['@bob:hs'], direct: false } });
    // The list shows the real room; whoever has the placeholder open is sent there.
    expect((await listRooms()).map((r) => [r.roomId, r.name, r.creating])).toEqual([['!created-1', 'Chantier', undefined]]);
    expect((await db().rooms.get(placeholder))?.movedTo).toBe('!created-1');
    // Written in the placeholder after the creation (a stale open room): straight to the real room.
    await text(placeholder, 'late');
    expect((await db().outbox.toArray()).find((r) => r.content.body === 'late')).toMatchObject({ roomId: '!created-1' });
    expect((await db().outbox.toArray()).find((r) => r.content.body === 'late')?.dependsOn).toBeUndefined();
    flusher.stop();
  });

  it('discarding the creation drops the room and everything written there', async () => {
    const placeholder = await enqueueRoomCreation({ invite: ['@bob:hs'], direct: true }, '@bob:hs');
    await text(placeholder, 'hello');
    const [creation] = (await db().outbox.toArray()).filter((r) => r.kind === 'create');
    await discardOutboxRow(creation.txnId);
    expect(await db().outbox.count()).toBe(0);
    expect(await listRooms()).toEqual([]);
    // A message for the room that will not exist is refused.
    await expect(text(placeholder, 'too late')).rejects.toThrow();
  });
});
