import type { MatrixClient, MatrixEvent, Room, RoomMember } from 'matrix-js-sdk';
import type { EventChange } from '../db/applyChanges';
import type { EventRow, MemberRow, Membership, PowerNeeded, ReceiptRow, RoomRow } from '../db/types';
import { DIRECT } from './accountData';
import { isRecord } from '../isRecord';
import { contentFields, eventMeaning, type Content } from './eventMeaning';
import { notifyModeOf } from './notifyRules';

/**
 * What a timeline event means for the store, or null for what the timeline does not keep
 * (state, local echoes still in flight, events still being decrypted: the Decrypted event
 * brings those back). Malformed content never throws: it is stored without a body.
 */
export function projectEvent(event: MatrixEvent, nameOf?: (userId: string) => string | undefined): EventChange | null {
  const eventId = event.getId();
  const roomId = event.getRoomId();
  if (!eventId || !roomId || eventId.startsWith('~') || event.status !== null) return null;
  if (event.isState() || event.isBeingDecrypted()) return null;
  const sender = event.getSender() ?? '';
  const change = eventMeaning({
    eventId,
    roomId,
    type: event.getType(),
    sender,
    senderName: event.sender?.name ?? nameOf?.(sender) ?? sender,
    ts: event.getTs(),
    // The event's own (decrypted) content; getContent() instead has the newest edit applied.
    content: event.getOriginalContent() as Content,
    relation: (event.getRelation() as Content['m.relates_to'] | null) ?? undefined,
    redacts: event.event.redacts,
    txnId: event.getUnsigned().transaction_id ?? event.getTxnId(),
    redacted: event.isRedacted(),
  });
  if (change?.kind !== 'event' || change.row.redacted) return change;
  const { content: _own, body: _body, msgtype: _msgtype, inReplyTo, ...row } = change.row;
  if (event.isDecryptionFailure()) return { kind: 'event', row: { ...row, decryptionError: event.decryptionFailureReason ?? 'unknown' } };
  if (event.isEncrypted() && event.getClearContent() === null) return { kind: 'event', row: { ...row, decryptionError: 'pending' } };
  // The SDK has the newest edit applied already.
  const shown: EventRow = { ...row, ...contentFields(event.getContent()) };
  if (inReplyTo) shown.inReplyTo = inReplyTo;
  // The account's push rules decide (m.mentions, or the user's name in older clients' messages).
  if (event.getPushActions()?.tweaks?.highlight) shown.highlight = true;
  const editedBy = event.replacingEventId();
  if (editedBy) {
    shown.editedBy = editedBy;
    const editTs = event.replacingEvent()?.getTs();
    if (editTs !== undefined) shown.editedAt = editTs;
  }
  return { kind: 'event', row: shown };
}

function lastShownEvent(room: Room): { event: MatrixEvent; row: EventRow } | undefined {
  const events = room.getLiveTimeline().getEvents();
  for (let i = events.length - 1; i >= 0; i--) {
    const change = projectEvent(events[i]);
    if (change?.kind === 'event' && !change.row.redacted) return { event: events[i], row: change.row };
  }
  return undefined;
}

/** The levels the room's power_levels content sets (the spec's defaults where it says nothing). */
export function powerNeeded(content: unknown): PowerNeeded {
  const c = isRecord(content) ? content : {};
  const num = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);
  const events = isRecord(c.events) ? c.events : {};
  const stateDefault = num(c.state_default, 50);
  return {
    redact: num(c.redact, 50),
    invite: num(c.invite, 0),
    kick: num(c.kick, 50),
    name: num(events['m.room.name'], stateDefault),
    topic: num(events['m.room.topic'], stateDefault),
    avatar: num(events['m.room.avatar'], stateDefault),
    power: num(events['m.room.power_levels'], stateDefault),
  };
}

/** The room list's summary of a room, read off the SDK's room by the sync layer. */
export function projectRoom(client: MatrixClient, room: Room, directRoomIds: Set<string>): RoomRow {
  const my = room.getMyMembership();
  const membership: Membership = my === 'join' || my === 'invite' ? my : 'leave';
  const me = room.getMember(client.getUserId() ?? '');
  const memberEvent = me?.events.member;
  const last = lastShownEvent(room);
  const lastAny = room.getLastLiveEvent();
  const directRoom = directRoomIds.has(room.roomId) || memberEvent?.getContent().is_direct === true;
  // A direct chat without its own picture shows the other person's.
  const avatar = room.getMxcAvatarUrl() ?? (directRoom ? room.getAvatarFallbackMember()?.getMxcAvatarUrl() : null);
  const row: RoomRow = {
    roomId: room.roomId,
    name: room.name,
    membership,
    isDirect: directRoom,
    encrypted: room.hasEncryptionStateEvent(),
    lastTs: last?.row.ts ?? lastAny?.getTs() ?? memberEvent?.getTs() ?? 0,
    unread: membership === 'join' ? room.getUnreadNotificationCount('total' as never) : 0,
    mentions: membership === 'join' ? room.getUnreadNotificationCount('highlight' as never) : 0,
    tags: Object.keys(room.tags ?? {}),
  };
  if (avatar) row.avatarUrl = avatar;
  row.myPowerLevel = me?.powerLevel ?? 0;
  row.levels = powerNeeded(room.currentState.getStateEvents('m.room.power_levels', '')?.getContent());
  const topic = room.currentState.getStateEvents('m.room.topic', '')?.getContent().topic;
  if (typeof topic === 'string' && topic) row.topic = topic;
  const typing = room.getMembers().filter((m) => m.typing && m.userId !== client.getUserId());
  if (typing.length) row.typing = typing.map((m) => m.name);
  if (last) {
    row.lastSender = last.event.sender?.name ?? last.row.sender;
    row.lastBody = last.row.body;
    row.lastEventId = last.row.eventId;
  }
  if (membership === 'invite') row.inviter = memberEvent?.getSender();
  const notify = notifyModeOf(client.pushRules, room.roomId);
  if (notify !== 'default') row.notify = notify;
  return row;
}

export function projectMember(member: RoomMember): MemberRow {
  const row: MemberRow = {
    roomId: member.roomId,
    userId: member.userId,
    displayName: member.name,
    membership: member.membership ?? 'leave',
    powerLevel: member.powerLevel,
  };
  const avatar = member.getMxcAvatarUrl();
  if (avatar) row.avatarUrl = avatar;
  return row;
}

/** Read receipts (m.read, m.read.private) in an m.receipt event's content. */
export function projectReceipts(roomId: string, content: unknown): ReceiptRow[] {
  if (!isRecord(content)) return [];
  const rows: ReceiptRow[] = [];
  for (const [eventId, byType] of Object.entries(content)) {
    if (!isRecord(byType)) continue;
    for (const type of ['m.read', 'm.read.private']) {
      const byUser = byType[type];
      if (!isRecord(byUser)) continue;
      for (const [userId, info] of Object.entries(byUser)) {
        const ts = isRecord(info) && typeof info.ts === 'number' ? info.ts : 0;
        rows.push({ roomId, userId, eventId, ts });
      }
    }
  }
  return rows;
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
