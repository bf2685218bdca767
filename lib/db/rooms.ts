import { db, type LuxchatDb } from './database';
import { roomEvents } from './events';
import type { EventRow, RoomPreview, RoomRow } from './types';

/**
 * The rooms table's one writer: the sync's summaries (within applyChanges' transaction), and
 * what the user just did, shown at once until the sync brings the homeserver's version.
 */

/**
 * A room created (or joined by address) on this device, shown and written in at once under its
 * placeholder id. Its creator will be its admin; someone joining has no power known yet.
 */
export async function addPlaceholderRoom(
  d: LuxchatDb,
  roomId: string,
  { name, isDirect, creator }: { name: string; isDirect: boolean; creator: boolean },
  now = Date.now(),
): Promise<void> {
  const row: RoomRow = { roomId, name, membership: 'join', isDirect, encrypted: true, lastTs: now, unread: 0, mentions: 0, tags: [], creating: true };
  if (creator) row.myPowerLevel = 100;
  await d.rooms.put(row);
}

/**
 * The homeserver created the room: it takes the placeholder's place in the list (unless the
 * sync brought it first), and the placeholder points at it for whoever has it open.
 */
export async function settlePlaceholderRoom(d: LuxchatDb, placeholder: string, roomId: string): Promise<void> {
  const shown = await d.rooms.get(placeholder);
  if (!shown) return;
  if (!(await d.rooms.get(roomId))) {
    const { creating: _creating, movedTo: _movedTo, ...room } = shown;
    await d.rooms.put({ ...room, roomId });
  }
  await d.rooms.put({ ...shown, creating: false, movedTo: roomId });
}

/** The creation was discarded: the placeholder goes. */
export async function dropPlaceholderRoom(d: LuxchatDb, placeholder: string): Promise<void> {
  await d.rooms.delete(placeholder);
}

export async function markRoomLeft(roomId: string): Promise<void> {
  await db().rooms.update(roomId, { membership: 'leave' });
}

/** Read here: the counts go at once (the receipt follows through the outbox). */
export async function markRoomRead(roomId: string): Promise<void> {
  await db().rooms.update(roomId, { unread: 0, mentions: 0 });
}

/** The room list's preview must not show a message that was deleted, nor the text before an edit. */
async function refreshPreview(d: LuxchatDb, room: RoomRow, events: Map<string, EventRow | undefined>): Promise<RoomRow> {
  if (!room.lastEventId) return room;
  const shown = events.has(room.lastEventId) ? events.get(room.lastEventId) : await d.events.get(room.lastEventId);
  if (!shown) return room;
  if (!shown.redacted) return shown.body === room.lastBody ? room : { ...room, lastBody: shown.body };
  // This batch's events are written by now: the store has the redaction.
  const newer = await roomEvents(room.roomId)
    .reverse()
    .filter((e) => !e.redacted && e.decryptionError === undefined)
    .first();
  return { ...room, lastEventId: newer?.eventId, lastBody: newer?.body, lastSender: newer?.senderName };
}

/** A stored room with a newer message or new counts; an older message changes nothing. */
function withPreview(room: RoomRow, preview: RoomPreview): RoomRow {
  const row = { ...room };
  if (preview.unread !== undefined) row.unread = preview.unread;
  if (preview.mentions !== undefined) row.mentions = preview.mentions;
  if (preview.lastEventId && preview.lastTs !== undefined && preview.lastTs >= room.lastTs) {
    row.lastTs = preview.lastTs;
    row.lastEventId = preview.lastEventId;
    row.lastSender = preview.lastSender;
    row.lastBody = preview.lastBody;
  }
  return row;
}

/**
 * Room summaries, previews of stored rooms (`roomPreviews`), and the previews of rooms whose
 * shown message changed (`previews`).
 */
export async function writeRooms(
  d: LuxchatDb,
  incomingRooms: RoomRow[],
  previews: Set<string>,
  events: Map<string, EventRow | undefined>,
  roomPreviews: RoomPreview[] = [],
): Promise<void> {
  const roomIds = [...new Set([...incomingRooms.map((r) => r.roomId), ...previews, ...roomPreviews.map((p) => p.roomId)])];
  if (!roomIds.length) return;
  const storedRooms = new Map((await d.rooms.bulkGet(roomIds)).flatMap((r) => (r ? [[r.roomId, r] as const] : [])));
  const rooms = new Map<string, RoomRow>();
  for (const incoming of incomingRooms) {
    const row = { ...incoming };
    const stored = rooms.get(row.roomId) ?? storedRooms.get(row.roomId);
    // The SDK's timeline may be shorter than ours after a restart (it may hold no message at
    // all, only reactions or state): keep the newer preview, and any preview over none.
    const keepStored = stored && row.membership === stored.membership && (stored.lastTs > row.lastTs || (!row.lastEventId && stored.lastEventId));
    if (stored && keepStored) {
      row.lastTs = stored.lastTs;
      row.lastSender = stored.lastSender;
      row.lastBody = stored.lastBody;
      row.lastEventId = stored.lastEventId;
      previews.add(row.roomId);
    }
    rooms.set(row.roomId, row);
  }
  for (const preview of roomPreviews) {
    const room = rooms.get(preview.roomId) ?? storedRooms.get(preview.roomId);
    if (room) rooms.set(room.roomId, withPreview(room, preview));
  }
  await Promise.all(
    [...previews].map(async (roomId) => {
      const room = rooms.get(roomId) ?? storedRooms.get(roomId);
      if (room) rooms.set(roomId, await refreshPreview(d, room, events));
    }),
  );
  await d.rooms.bulkPut([...rooms.values()]);
}
