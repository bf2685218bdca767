import { emptyBatch, type ChangeBatch, type EventChange } from '../db/applyChanges';
import type { RoomPreview, RoomRow } from '../db/types';
import { isRecord } from '../isRecord';
import { eventMeaning, type Content } from './eventMeaning';
import { projectReceipts } from './project';

/**
 * A /sync answer read without the SDK, on reopen: its new messages, gaps and counts for the
 * rooms the device already has, so that the room list shows them before the SDK has started.
 * Only what needs no SDK is taken: plaintext messages, edits, reactions, redactions, receipts;
 * encrypted events, state, invites and new rooms are left to the SDK, which processes the same
 * answer moments later and writes its complete view over this one.
 */

export interface RawJoinedRoom {
  roomId: string;
  events: Record<string, unknown>[];
  limited: boolean;
  prevBatch?: string;
  counts?: { unread: number; mentions: number };
  /** Contents of its m.receipt events. */
  receipts: unknown[];
  /** Members' display names the answer carries (its state and timeline). */
  names: Map<string, string>;
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function memberNames(events: Record<string, unknown>[], names: Map<string, string>): void {
  for (const e of events) {
    if (e.type !== 'm.room.member' || typeof e.state_key !== 'string' || !isRecord(e.content)) continue;
    if (typeof e.content.displayname === 'string' && e.content.displayname) names.set(e.state_key, e.content.displayname);
  }
}

/** The joined rooms of a /sync answer, malformed parts left out. */
export function joinedRooms(body: unknown): RawJoinedRoom[] {
  if (!isRecord(body) || !isRecord(body.rooms) || !isRecord(body.rooms.join)) return [];
  return Object.entries(body.rooms.join).flatMap(([roomId, room]) => {
    if (!isRecord(room)) return [];
    const timeline = isRecord(room.timeline) ? room.timeline : {};
    const events = list(timeline.events);
    const names = new Map<string, string>();
    for (const section of [room.state, room['org.matrix.msc4222.state_after']]) memberNames(list(isRecord(section) ? section.events : undefined), names);
    memberNames(events, names);
    const counts = isRecord(room.unread_notifications) ? room.unread_notifications : undefined;
    const ephemeral = list(isRecord(room.ephemeral) ? room.ephemeral.events : undefined);
    const unread = counts?.notification_count;
    const mentions = counts?.highlight_count;
    return [
      {
        roomId,
        events,
        limited: timeline.limited === true,
        prevBatch: typeof timeline.prev_batch === 'string' ? timeline.prev_batch : undefined,
        counts: typeof unread === 'number' && typeof mentions === 'number' ? { unread, mentions } : undefined,
        names,
        receipts: ephemeral.filter((e) => e.type === 'm.receipt').map((e) => e.content),
      },
    ];
  });
}

/** What the device already has, read before the answer is applied. */
export interface StoredContext {
  rooms: Map<string, RoomRow>;
  /** Of the answer's timeline events, those already stored. */
  storedEventIds: Set<string>;
  /** A member's stored display name. */
  storedName(roomId: string, userId: string): string | undefined;
}

/** What each of a room's timeline events means, or null where it is state or malformed. */
function meanings(room: RawJoinedRoom, nameOf: (userId: string) => string): (EventChange | null)[] {
  return room.events.map((raw) => {
    const { event_id: eventId, sender, origin_server_ts: ts, type, content } = raw;
    if (typeof eventId !== 'string' || typeof sender !== 'string' || typeof ts !== 'number' || typeof type !== 'string' || !isRecord(content)) {
      return null;
    }
    // State is the SDK's to apply (with the answer's state_after, timeline state is a repeat).
    if (typeof raw.state_key === 'string') return null;
    const unsigned = isRecord(raw.unsigned) ? raw.unsigned : {};
    return eventMeaning({
      eventId,
      roomId: room.roomId,
      type,
      sender,
      senderName: nameOf(sender),
      ts,
      content: content as Content,
      redacts: raw.redacts,
      txnId: typeof unsigned.transaction_id === 'string' ? unsigned.transaction_id : undefined,
      redacted: isRecord(unsigned.redacted_because),
    });
  });
}

/**
 * The changes a resumed /sync answer makes to the stored rooms (joined, on this device).
 * A room's timeline that the homeserver cut short (`limited`) gets a gap before its first
 * event, unless the device has one of its events already (then the history joins up).
 */
export function resumedSyncBatch(rooms: RawJoinedRoom[], stored: StoredContext): ChangeBatch {
  const batch = emptyBatch();
  for (const room of rooms) {
    const known = stored.rooms.get(room.roomId);
    if (!known || known.membership !== 'join') continue;
    const nameOf = (userId: string) => room.names.get(userId) ?? stored.storedName(room.roomId, userId) ?? userId;
    const changes = meanings(room, nameOf);
    // An encrypted event is not readable here: nothing is said about the room's order or
    // preview past it, the SDK will (it decrypts).
    const firstEncrypted = room.events.findIndex((e) => e.type === 'm.room.encrypted');
    const readable = firstEncrypted === -1 ? changes : changes.slice(0, firstEncrypted);
    for (const change of readable) if (change) batch.events.push(change);
    for (const content of room.receipts) batch.receipts.push(...projectReceipts(room.roomId, content));

    const first = room.events[0];
    const joinsUp = room.events.some((e) => typeof e.event_id === 'string' && stored.storedEventIds.has(e.event_id));
    if (room.limited && !joinsUp && typeof first?.event_id === 'string' && typeof first.origin_server_ts === 'number') {
      batch.gaps.push({ roomId: room.roomId, ts: first.origin_server_ts, beforeEventId: first.event_id, token: room.prevBatch });
    }

    const preview: RoomPreview = { roomId: room.roomId };
    if (firstEncrypted === -1) {
      const newest = readable.findLast((change) => change?.kind === 'event' && !change.row.redacted);
      if (newest?.kind === 'event') {
        preview.lastTs = newest.row.ts;
        preview.lastEventId = newest.row.eventId;
        preview.lastSender = newest.row.senderName;
        preview.lastBody = newest.row.body;
      }
    }
    // In encrypted rooms the SDK counts on the device (the homeserver cannot read mentions).
    if (room.counts && !known.encrypted) Object.assign(preview, room.counts);
    if (Object.keys(preview).length > 1) batch.roomPreviews.push(preview);
  }
  return batch;
}

/** Event ids and senders of a /sync answer's joined rooms: what to read from the device first. */
export function referencedByAnswer(rooms: RawJoinedRoom[]): { roomIds: string[]; eventIds: string[]; senders: [string, string][] } {
  const eventIds: string[] = [];
  const senders: [string, string][] = [];
  for (const room of rooms) {
    for (const e of room.events) {
      if (typeof e.event_id === 'string') eventIds.push(e.event_id);
      if (typeof e.sender === 'string' && !room.names.has(e.sender)) senders.push([room.roomId, e.sender]);
    }
  }
  return { roomIds: rooms.map((r) => r.roomId), eventIds, senders };
}
