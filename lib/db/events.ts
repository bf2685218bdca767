import { db } from './database';
import type { EventRow } from './types';

/** A room's stored events in timeline order (server time), as a fresh Dexie collection. */
export function roomEvents(roomId: string) {
  return db().events.where('[roomId+ts]').between([roomId, -Infinity], [roomId, Infinity]);
}

/** The newest stored event older than `ts`: where a gap ends when filled. */
export async function storedBefore(roomId: string, ts: number): Promise<EventRow | null> {
  return (await db().events.where('[roomId+ts]').between([roomId, -Infinity], [roomId, ts]).last()) ?? null;
}

export async function oldestStored(roomId: string): Promise<EventRow | null> {
  return (await roomEvents(roomId).first()) ?? null;
}

export async function newestStored(roomId: string): Promise<EventRow | null> {
  return (await roomEvents(roomId).last()) ?? null;
}

export function storedCount(roomId: string): Promise<number> {
  return roomEvents(roomId).count();
}
