import { databaseExists, db } from './database';
import { roomEvents } from './events';
import { pendingRef, withLocalEcho, type LocalEcho } from './localEcho';
import { UNSENT_STATES } from './outbox';
import { creationTxnId, PROFILE_ROOM, type ConnectionState, type EventRow, type GapRow, type MemberRow, type MessageRef, type OutboxRow, type RoomRow, type SessionRow } from './types';

/** The signed-in session; signed out when the database does not even exist (it is not created here). */
export async function getSession(): Promise<SessionRow | null> {
  if (!(await databaseExists())) return null;
  return (await db().session.get('current')) ?? null;
}

/** The direct chat with a user that the user is in (or invited them to), if there is one. */
export async function directRoomWith(userId: string): Promise<string | undefined> {
  const d = db();
  return d.transaction('r', d.rooms, d.members, d.outbox, async () => {
    const direct = await d.rooms.filter((r) => r.isDirect && r.membership === 'join' && !r.movedTo).toArray();
    if (!direct.length) return undefined;
    const them = await d.members.bulkGet(direct.map((r) => [r.roomId, userId] as [string, string]));
    const found = direct.find((_, i) => them[i]?.membership === 'join' || them[i]?.membership === 'invite');
    if (found) return found.roomId;
    // One still being created has no members yet: its queued creation says whom it invites.
    for (const room of direct.filter((r) => r.creating)) {
      const creation = (await d.outbox.get(creationTxnId(room.roomId)))?.content as { invite?: string[] } | undefined;
      if (creation?.invite?.includes(userId)) return room.roomId;
    }
    return undefined;
  });
}

/** Joined and invited rooms, newest activity first (a created room's placeholder gone once it exists). */
export async function listRooms(): Promise<RoomRow[]> {
  const rooms = await db().rooms.orderBy('lastTs').reverse().toArray();
  return rooms.filter((r) => r.membership !== 'leave' && !r.movedTo);
}

export async function getRoom(roomId: string): Promise<RoomRow | null> {
  return (await db().rooms.get(roomId)) ?? null;
}

export type { ReactionSummary } from './localEcho';

export interface Timeline extends LocalEcho {
  /** Missing history between the events shown, oldest first (not the top of the room). */
  gaps: GapRow[];
  /** Who has read up to each shown event (others only): under the newest message they have read. */
  readBy: Record<string, { userId: string; name: string }[]>;
  /** The pictures (mxc:// URIs) of the senders shown, by user id, for those who have one. */
  avatars: Record<string, string>;
}

/**
 * The last `limit` events of a room, oldest first, and what is still waiting to be sent, with
 * the user's queued edits, deletions and reactions applied (`me`: whose reactions are "mine").
 */
export async function getTimeline(roomId: string, limit = 50, me?: string): Promise<Timeline> {
  const d = db();
  return d.transaction('r', [d.events, d.outbox, d.reactions, d.gaps, d.receipts, d.members], async () => {
    const newestFirst = await roomEvents(roomId).reverse().limit(limit).toArray();
    // Read together so a row moving from outbox to events is never seen twice or not at all.
    const outbox = await d.outbox.where('[roomId+createdAt]').between([roomId, -Infinity], [roomId, Infinity]).toArray();
    const targets = [...newestFirst.map((e) => e.eventId), ...outbox.flatMap((r) => (r.eventId ? [r.eventId] : []))];
    const reactionRows = await d.reactions.where('targetId').anyOf(targets).toArray();
    const oldestTs = newestFirst.at(-1)?.ts ?? Infinity;
    const gaps = await d.gaps.where('[roomId+ts]').between([roomId, oldestTs], [roomId, Infinity], false, true).toArray();
    const events = newestFirst.reverse();
    return { ...withLocalEcho(events, reactionRows, outbox, me), gaps, readBy: await readReceipts(roomId, events, me), avatars: await senderAvatars(roomId, events) };
  });
}

async function senderAvatars(roomId: string, events: EventRow[]): Promise<Record<string, string>> {
  const senders = [...new Set(events.map((e) => e.sender))];
  const members = await db().members.bulkGet(senders.map((userId) => [roomId, userId] as [string, string]));
  const avatars: Record<string, string> = {};
  members.forEach((m) => {
    if (m?.avatarUrl) avatars[m.userId] = m.avatarUrl;
  });
  return avatars;
}

/** Each other member's read receipt, placed on the newest shown event at or before the one they read. */
async function readReceipts(roomId: string, events: EventRow[], me?: string): Promise<Timeline['readBy']> {
  const d = db();
  const receipts = (await d.receipts.where('roomId').equals(roomId).toArray()).filter((r) => r.userId !== me);
  if (!receipts.length || !events.length) return {};
  const shown = new Map(events.map((e) => [e.eventId, e]));
  const read = await d.events.bulkGet(receipts.map((r) => r.eventId));
  const names = await d.members.bulkGet(receipts.map((r) => [roomId, r.userId] as [string, string]));
  const readBy: Timeline['readBy'] = {};
  receipts.forEach((receipt, i) => {
    const ts = shown.get(receipt.eventId)?.ts ?? read[i]?.ts;
    if (ts === undefined) return;
    const at = events.findLast((e) => e.ts <= ts);
    if (at) (readBy[at.eventId] ??= []).push({ userId: receipt.userId, name: names[i]?.displayName ?? receipt.userId });
  });
  return readBy;
}

/** The user's newest message in a room that can be edited (Up in an empty composer), as shown now. */
export async function lastOwnMessage(roomId: string, me: string): Promise<{ ref: MessageRef; body: string } | null> {
  const { events, pending } = await getTimeline(roomId, 50, me);
  const row = pending.findLast((r) => r.state !== 'failed' && typeof r.content.body === 'string');
  if (row) return { ref: pendingRef(row), body: row.content.body as string };
  const event = events.findLast((e) => e.sender === me && e.msgtype === 'm.text' && !e.redacted && !e.deleting && e.body !== undefined);
  return event ? { ref: { eventId: event.eventId }, body: event.body! } : null;
}

export interface ConnectionInfo {
  state: ConnectionState;
  /** The syncing tab saves data (no background filling, smallest sync). */
  dataSaver: boolean;
  /** Messages in the outbox not yet sent (failed ones included). */
  waiting: number;
}

/** What the status bar shows: the syncing tab's connection state and the outbox size. */
export async function getConnectionInfo(): Promise<ConnectionInfo> {
  const d = db();
  return d.transaction('r', d.kv, d.outbox, async () => {
    const row = await d.kv.get('connection');
    const connection = row?.key === 'connection' ? row : null;
    return { state: connection?.state ?? 'connecting', dataSaver: connection?.dataSaver ?? false, waiting: await d.outbox.where('state').anyOf([...UNSENT_STATES]).filter((r) => r.kind !== 'receipt').count() };
  });
}

/** Written by the syncing tab only. */
export async function setConnectionState(state: ConnectionState, extra: { dataSaver?: boolean } = {}): Promise<void> {
  const d = db();
  await d.transaction('rw', d.kv, async () => {
    const row = await d.kv.get('connection');
    const dataSaver = extra.dataSaver ?? (row?.key === 'connection' ? row.dataSaver : undefined) ?? false;
    await d.kv.put({ key: 'connection', state, at: Date.now(), dataSaver });
  });
}

/** Set when the homeserver ended the session with `soft_logout`: the user signs in again. */
export async function getSessionEnded(): Promise<{ soft: boolean } | null> {
  const row = await db().kv.get('sessionEnded');
  return row?.key === 'sessionEnded' ? { soft: row.soft } : null;
}

export interface MemberView {
  userId: string;
  displayName: string;
  membership: string;
  verified: boolean;
  powerLevel?: number;
  avatarUrl?: string;
}

/** The user's display name, as the rooms they are in last said (a profile change updates them all). */
export async function myDisplayName(me: string): Promise<string | undefined> {
  return (await myProfile(me)).displayName;
}

/** The user's name and picture as the rooms they are in last said, and profile changes not sent yet. */
export async function myProfile(me: string): Promise<{ displayName?: string; avatarUrl?: string; pending: OutboxRow[] }> {
  const d = db();
  return d.transaction('r', d.members, d.outbox, async () => {
    const member = await d.members.filter((m) => m.userId === me && m.membership === 'join').first();
    const pending = await d.outbox.where('[roomId+createdAt]').between([PROFILE_ROOM, -Infinity], [PROFILE_ROOM, Infinity]).toArray();
    return { displayName: member?.displayName, avatarUrl: member?.avatarUrl, pending };
  });
}

/** A room's changes not done yet (an invitation being accepted, a rename waiting for the network). */
export function pendingRoomChanges(roomId: string): Promise<OutboxRow[]> {
  return db()
    .outbox.where('[roomId+createdAt]')
    .between([roomId, -Infinity], [roomId, Infinity])
    .filter((row) => row.kind === 'room')
    .toArray();
}

/** A room's joined and invited members, with whether we verified each. */
export async function getMembers(roomId: string): Promise<MemberView[]> {
  const d = db();
  return d.transaction('r', d.members, d.userTrust, async () => {
    const members = (await d.members.where('roomId').equals(roomId).toArray()).filter(
      (m) => m.membership === 'join' || m.membership === 'invite',
    );
    const trust = await d.userTrust.bulkGet(members.map((m) => m.userId));
    return members
      .map((m, i) => ({
        userId: m.userId,
        displayName: m.displayName,
        membership: m.membership,
        verified: trust[i]?.verified ?? false,
        powerLevel: m.powerLevel,
        avatarUrl: m.avatarUrl,
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  });
}

/** What the device has of a sync answer's rooms, events and senders (read before applying it). */
export async function storedForAnswer(
  roomIds: string[],
  eventIds: string[],
  senders: [string, string][],
): Promise<{ rooms: RoomRow[]; storedEventIds: string[]; members: MemberRow[] }> {
  const d = db();
  return d.transaction('r', d.rooms, d.events, d.members, async () => {
    const [rooms, events, members] = await Promise.all([d.rooms.bulkGet(roomIds), d.events.bulkGet(eventIds), d.members.bulkGet(senders)]);
    return {
      rooms: rooms.filter((r): r is RoomRow => !!r),
      storedEventIds: events.flatMap((e) => (e ? [e.eventId] : [])),
      members: members.filter((m): m is MemberRow => !!m),
    };
  });
}

/** The newest event the user has read in a room, as this device knows it. */
export async function readPosition(roomId: string, userId: string): Promise<string | undefined> {
  return (await db().receipts.get([roomId, userId]))?.eventId;
}
