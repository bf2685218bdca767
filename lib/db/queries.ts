import { databaseExists, db } from './database';
import type { EventRow, OutboxRow, RoomRow, SessionRow } from './types';

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

export interface Timeline {
  events: EventRow[];
  pending: OutboxRow[];
}

/** The last `limit` events of a room, oldest first, and what is still waiting to be sent. */
export async function getTimeline(roomId: string, limit = 200): Promise<Timeline> {
  const d = db();
  return d.transaction('r', d.events, d.outbox, async () => {
    const newestFirst = await d
    .events.where('[roomId+ts]')
    .between([roomId, -Infinity], [roomId, Infinity])
    .reverse()
    .limit(limit)
    .toArray();
    // Read together so a row moving from outbox to events is never seen twice or not at all.
    const pending = await d
      .outbox.where('[roomId+createdAt]')
      .between([roomId, -Infinity], [roomId, Infinity])
      .toArray();
    return { events: newestFirst.reverse(), pending };
  });
}
