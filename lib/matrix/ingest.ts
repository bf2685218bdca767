import type { MatrixClient, MatrixEvent, Room, RoomMember } from 'matrix-js-sdk';
import { applyChanges, emptyBatch, type ChangeBatch, type EventChange } from '../db/applyChanges';
import { SessionClosed } from '../db/database';
import { reportStorage } from '../status/storageHealth';
import { directRoomIds, projectEvent, projectMember, projectReceipts, projectRoom } from './project';

/** How long changes outside a sync response (decryption, scrollback) wait to be batched. */
const QUIET_MS = 30;
/** A failed write (storage full, say) is retried after this, doubling up to a minute. */
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 60_000;

/**
 * Projects what the SDK learns into Dexie. A sync response's changes are collected while the
 * SDK processes it and written in one transaction when it reports the sync done (`flush`);
 * changes outside a sync are written after a short quiet period. A batch that cannot be
 * written is kept and retried: the sync position moves on, so dropping it would lose it.
 */
export class Ingest {
  private events = new Map<string, { event: MatrixEvent; backfill: boolean }>();
  private rooms = new Set<string>();
  private members = new Map<string, RoomMember>();
  private receipts: { roomId: string; content: unknown }[] = [];
  /** Rooms whose live timeline a limited sync reset, with the token into the skipped history. */
  private gaps = new Map<string, string | undefined>();
  /** Written batches that failed, oldest first. */
  private unwritten: ChangeBatch[] = [];
  private retryDelay = RETRY_MIN_MS;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;

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

  /** The room's history just before the events this sync brings was skipped. */
  gap(roomId: string, token: string | undefined): void {
    this.gaps.set(roomId, token);
    this.rooms.add(roomId);
    this.schedule();
  }

  /**
   * Writes what is pending now; resolves when everything queued so far is in Dexie (or kept
   * for a retry). `replayed`: what was collected came from the saved sync the SDK replays at
   * start, which Dexie already has; writing it again would only delay the first real sync's.
   */
  flush(options: { replayed?: boolean } = {}): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (options.replayed) this.discard();
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  private discard(): void {
    this.events.clear();
    this.rooms.clear();
    this.members.clear();
    this.receipts = [];
    this.gaps.clear();
  }

  /** No more writes (logout, the tab gave up syncing). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer ??= setTimeout(() => void this.flush(), QUIET_MS);
  }

  private async write(): Promise<void> {
    if (this.stopped) return;
    const batch = this.collect();
    if (batch) this.unwritten.push(batch);
    while (this.unwritten.length) {
      try {
        await applyChanges(this.unwritten[0]);
      } catch (error) {
        // Signed out meanwhile: there is nothing to write to any more.
        if (error instanceof SessionClosed) return this.stop();
        console.error('luxchat: ingest failed, kept for a retry', error);
        reportStorage(false);
        if (!this.stopped && !this.timer) this.timer = setTimeout(() => void this.flush(), this.retryDelay);
        this.retryDelay = Math.min(RETRY_MAX_MS, this.retryDelay * 2);
        return;
      }
      this.unwritten.shift();
      if (this.retryDelay !== RETRY_MIN_MS) reportStorage(true);
      this.retryDelay = RETRY_MIN_MS;
    }
  }

  private collect(): ChangeBatch | null {
    if (!this.events.size && !this.rooms.size && !this.members.size && !this.receipts.length && !this.gaps.size) return null;
    const batch = emptyBatch();
    const me = this.client.getUserId();
    batch.events = [...this.events.values()].flatMap(({ event, backfill }): EventChange[] => {
      // The account's push rules say whether it mentions the user (the SDK caches the answer).
      if (event.getSender() !== me && !event.isState() && !event.isBeingDecrypted()) this.client.getPushActionsForEvent(event);
      const change = projectEvent(event);
      if (!change) return [];
      return [change.kind === 'event' && backfill ? { ...change, backfill } : change];
    });
    const direct = directRoomIds(this.client);
    for (const id of this.rooms) {
      const room = this.client.getRoom(id);
      if (room) batch.rooms.push(projectRoom(this.client, room, direct));
    }
    for (const [roomId, token] of this.gaps) {
      // The gap sits before the first event of the reset timeline, now that the sync added them.
      const first = this.client.getRoom(roomId)?.getLiveTimeline().getEvents()[0];
      const beforeEventId = first?.getId();
      if (first && beforeEventId) batch.gaps.push({ roomId, ts: first.getTs(), beforeEventId, token });
    }
    batch.members = [...this.members.values()].map(projectMember);
    batch.receipts = this.receipts.flatMap((r) => projectReceipts(r.roomId, r.content));
    this.discard();
    return batch;
  }
}
