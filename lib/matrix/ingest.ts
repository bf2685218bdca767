import type { MatrixClient, MatrixEvent, Room, RoomMember } from 'matrix-js-sdk';
import { applyChanges, emptyBatch, type EventChange } from '../db/applyChanges';
import { directRoomIds, projectEvent, projectMember, projectReceipts, projectRoom } from './project';

/** How long changes outside a sync response (decryption, scrollback) wait to be batched. */
const QUIET_MS = 30;

/**
 * Projects what the SDK learns into Dexie. A sync response's changes are collected while the
 * SDK processes it and written in one transaction when it reports the sync done (`flush`);
 * changes outside a sync are written after a short quiet period.
 */
export class Ingest {
  private events = new Map<string, { event: MatrixEvent; backfill: boolean }>();
  private rooms = new Set<string>();
  private members = new Map<string, RoomMember>();
  private receipts: { roomId: string; content: unknown }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly client: MatrixClient) {}

  /** `backfill`: fetched by scrollback rather than arriving live. */
  event(event: MatrixEvent, backfill = false): void {
    const id = event.getId();
    if (!id) return;
    this.events.set(id, { event, backfill: backfill && (this.events.get(id)?.backfill ?? true) });
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

  member(member: RoomMember): void {
    this.members.set(`${member.roomId}|${member.userId}`, member);
    this.schedule();
  }

  receipt(roomId: string, content: unknown): void {
    this.receipts.push({ roomId, content });
    this.schedule();
  }

  /** Writes what is pending now; resolves when everything queued so far is in Dexie. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writing = this.writing.then(() => this.write()).catch((e) => console.error('luxchat: ingest failed', e));
    return this.writing;
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => void this.flush(), QUIET_MS);
  }

  private async write(): Promise<void> {
    if (!this.events.size && !this.rooms.size && !this.members.size && !this.receipts.length) return;
    const batch = emptyBatch();
    batch.events = [...this.events.values()].flatMap(({ event, backfill }): EventChange[] => {
      const change = projectEvent(event);
      if (!change) return [];
      return [change.kind === 'event' && backfill ? { ...change, backfill } : change];
    });
    const direct = directRoomIds(this.client);
    for (const id of this.rooms) {
      const room = this.client.getRoom(id);
      if (room) batch.rooms.push(projectRoom(this.client, room, direct));
    }
    batch.members = [...this.members.values()].map(projectMember);
    batch.receipts = this.receipts.flatMap((r) => projectReceipts(r.roomId, r.content));
    this.events.clear();
    this.rooms.clear();
    this.members.clear();
    this.receipts = [];
    await applyChanges(batch);
  }
}
