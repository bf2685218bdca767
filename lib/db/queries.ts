import { databaseExists, db } from './database';
import { roomEvents } from './events';
import type { ConnectionState, EventRow, GapRow, OutboxRow, RoomRow, SessionRow } from './types';

/** The signed-in session; signed out when the database does not even exist (it is not created here). */
export async function getSession(): Promise<SessionRow | null> {
  if (!(await databaseExists())) return null;
  return (await db().session.get('current')) ?? null;
}

/** Joined and invited rooms, newest activity first. */
export async function listRooms(): Promise<RoomRow[]> {
  const rooms = await db().rooms.orderBy('lastTs').reverse().toArray();
  return rooms.filter((r) => r.membership !== 'leave');
}

export async function getRoom(roomId: string): Promise<RoomRow | null> {
  return (await db().rooms.get(roomId)) ?? null;
}

export interface ReactionSummary {
  key: string;
  count: number;
  senders: string[];
}

export interface Timeline {
  events: EventRow[];
  pending: OutboxRow[];
  /** Reactions to the events shown, by event id. */
  reactions: Record<string, ReactionSummary[]>;
  /** Missing history between the events shown, oldest first (not the top of the room). */
  gaps: GapRow[];
}

/** The last `limit` events of a room, oldest first, and what is still waiting to be sent. */
export async function getTimeline(roomId: string, limit = 50): Promise<Timeline> {
  const d = db();
  return d.transaction('r', [d.events, d.outbox, d.reactions, d.gaps], async () => {
    const newestFirst = await roomEvents(roomId).reverse().limit(limit).toArray();
    // Read together so a row moving from outbox to events is never seen twice or not at all.
    const pending = await d
      .outbox.where('[roomId+createdAt]')
      .between([roomId, -Infinity], [roomId, Infinity])
      .toArray();
    const reactionRows = await d.reactions.where('targetId').anyOf(newestFirst.map((e) => e.eventId)).toArray();
    const reactions: Record<string, ReactionSummary[]> = {};
    for (const r of reactionRows) {
      const list = (reactions[r.targetId] ??= []);
      const entry = list.find((x) => x.key === r.key);
      if (entry) {
        if (!entry.senders.includes(r.sender)) entry.senders.push(r.sender);
        entry.count = entry.senders.length;
      } else list.push({ key: r.key, count: 1, senders: [r.sender] });
    }
    const oldestTs = newestFirst.at(-1)?.ts ?? Infinity;
    const gaps = await d.gaps.where('[roomId+ts]').between([roomId, oldestTs], [roomId, Infinity], false, true).toArray();
    return { events: newestFirst.reverse(), pending, reactions, gaps };
  });
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
    return { state: connection?.state ?? 'connecting', dataSaver: connection?.dataSaver ?? false, waiting: await d.outbox.count() };
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
      .map((m, i) => ({ userId: m.userId, displayName: m.displayName, membership: m.membership, verified: trust[i]?.verified ?? false }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  });
}
