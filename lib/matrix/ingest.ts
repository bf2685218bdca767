import type { MatrixClient, MatrixEvent, Room } from 'matrix-js-sdk';
import { db } from '../db/database';
import type { EventRow } from '../db/types';
import { directRoomIds, projectEvent, projectRoom } from './project';

/**
 * Projects what the SDK learns into Dexie. Changes arriving together (one sync response
 * emits many events synchronously) are written in one transaction on the next tick.
 */
export class Ingest {
  private events = new Map<string, MatrixEvent>();
  private rooms = new Set<string>();
  private scheduled = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly client: MatrixClient) {}

  event(event: MatrixEvent): void {
    const id = event.getId();
    if (!id) return;
    this.events.set(id, event);
    const roomId = event.getRoomId();
    if (roomId) this.rooms.add(roomId);
    this.schedule();
  }

  room(room: Room): void {
    this.rooms.add(room.roomId);
    this.schedule();
  }

  allRooms(): void {
    for (const room of this.client.getRooms()) this.rooms.add(room.roomId);
    this.schedule();
  }

  /** Resolves when everything queued so far is in Dexie. */
  settled(): Promise<void> {
    return this.writing;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.writing = this.writing.then(() => this.write()).catch((e) => console.error('ingest failed', e));
    }, 0);
  }

  private async write(): Promise<void> {
    const events = [...this.events.values()];
    const roomIds = [...this.rooms];
    this.events.clear();
    this.rooms.clear();
    const eventRows = events.map(projectEvent).filter((r): r is EventRow => r !== null);
    const direct = directRoomIds(this.client);
    const roomRows = roomIds.flatMap((id) => {
      const room = this.client.getRoom(id);
      return room ? [projectRoom(this.client, room, direct)] : [];
    });
    const d = db();
    await d.transaction('rw', d.events, d.rooms, d.outbox, async () => {
      await d.events.bulkPut(eventRows);
      // Our own remote echo retires its outbox row if the send's response was lost.
      const echoed = eventRows.flatMap((r) => (r.txnId ? [r.txnId] : []));
      if (echoed.length) await d.outbox.bulkDelete(echoed);
      for (const row of roomRows) {
        const stored = await d.rooms.get(row.roomId);
        // The SDK's timeline may be shorter than ours after a restart: keep the newer preview.
        if (stored && stored.lastTs > row.lastTs && row.membership === stored.membership) {
          row.lastTs = stored.lastTs;
          row.lastSender = stored.lastSender;
          row.lastBody = stored.lastBody;
        }
        await d.rooms.put(row);
      }
    });
  }
}
