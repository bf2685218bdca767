import type { MatrixClient, MatrixEvent, Room } from 'matrix-js-sdk';
import type { EventRow, Membership, RoomRow } from '../db/types';
import { DIRECT } from './accountData';

/** Event types the timeline shows. */
const SHOWN = new Set(['m.room.message', 'm.room.encrypted']);

/**
 * The stored form of a timeline event, or null for events the timeline does not show
 * (state, edits until they are supported, local echoes still in flight, events still
 * being decrypted: the Decrypted event brings them back).
 */
export function projectEvent(event: MatrixEvent): EventRow | null {
  const eventId = event.getId();
  const roomId = event.getRoomId();
  if (!eventId || !roomId || eventId.startsWith('~') || event.status !== null) return null;
  if (event.isState() || event.isRedacted()) return null;
  const type = event.getType();
  if (!SHOWN.has(type)) return null;
  if (event.isBeingDecrypted()) return null;
  const content = event.getContent();
  if (content['m.relates_to']?.rel_type === 'm.replace') return null;
  const sender = event.getSender() ?? '';
  const row: EventRow = {
    eventId,
    roomId,
    ts: event.getTs(),
    sender,
    senderName: event.sender?.name ?? sender,
    type,
    txnId: event.getUnsigned().transaction_id,
  };
  if (event.isDecryptionFailure()) {
    row.decryptionError = event.decryptionFailureReason ?? 'unknown';
    return row;
  }
  if (event.isEncrypted() && event.getClearContent() === null) {
    row.decryptionError = 'pending';
    return row;
  }
  // Malformed content is stored without a body; the timeline says it cannot show it.
  if (typeof content.msgtype === 'string') row.msgtype = content.msgtype;
  if (typeof content.body === 'string') row.body = content.body;
  return row;
}

function lastShownEvent(room: Room): MatrixEvent | undefined {
  const events = room.getLiveTimeline().getEvents();
  for (let i = events.length - 1; i >= 0; i--) {
    if (projectEvent(events[i])) return events[i];
  }
  return undefined;
}

/** The room list's summary of a room, read off the SDK's room by the sync layer. */
export function projectRoom(client: MatrixClient, room: Room, directRoomIds: Set<string>): RoomRow {
  const my = room.getMyMembership();
  const membership: Membership = my === 'join' || my === 'invite' ? my : 'leave';
  const me = room.getMember(client.getUserId() ?? '');
  const memberEvent = me?.events.member;
  const last = lastShownEvent(room);
  const lastAny = room.getLastLiveEvent();
  const row: RoomRow = {
    roomId: room.roomId,
    name: room.name,
    membership,
    isDirect: directRoomIds.has(room.roomId) || memberEvent?.getContent().is_direct === true,
    encrypted: room.hasEncryptionStateEvent(),
    lastTs: last?.getTs() ?? lastAny?.getTs() ?? memberEvent?.getTs() ?? 0,
    unread: membership === 'join' ? room.getUnreadNotificationCount() : 0,
  };
  if (last) {
    const projected = projectEvent(last);
    row.lastSender = last.sender?.name ?? last.getSender();
    row.lastBody = projected?.body;
  }
  if (membership === 'invite') row.inviter = memberEvent?.getSender();
  return row;
}

/** Room ids the account marks as direct chats (m.direct account data). */
export function directRoomIds(client: MatrixClient): Set<string> {
  const content = client.getAccountData(DIRECT)?.getContent() ?? {};
  const ids = new Set<string>();
  for (const rooms of Object.values(content)) {
    if (Array.isArray(rooms)) for (const id of rooms) if (typeof id === 'string') ids.add(id);
  }
  return ids;
}
