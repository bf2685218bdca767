import { db } from './database';
import { storedBefore } from './events';
import type { GapRow } from './types';

/** The room's gaps, oldest first. */
export async function gapsOf(roomId: string): Promise<GapRow[]> {
  return db().gaps.where('[roomId+ts]').between([roomId, -Infinity], [roomId, Infinity]).toArray();
}

export async function getGap(id: number): Promise<GapRow | null> {
  return (await db().gaps.get(id)) ?? null;
}

/**
 * Gaps between stored events (not the top of a room), of the rooms with the newest activity
 * first: what the background filler works through.
 */
export async function gapsByRecency(): Promise<GapRow[]> {
  const d = db();
  return d.transaction('r', d.gaps, d.rooms, d.events, async () => {
    const gaps = await d.gaps.toArray();
    const rooms = new Map((await d.rooms.bulkGet([...new Set(gaps.map((g) => g.roomId))])).flatMap((r) => (r ? [[r.roomId, r]] : [])));
    const inner: GapRow[] = [];
    for (const gap of gaps) {
      const room = rooms.get(gap.roomId);
      if (!room || room.membership !== 'join') continue;
      if (await storedBefore(gap.roomId, gap.ts)) inner.push(gap);
    }
    return inner.sort((a, b) => (rooms.get(b.roomId)?.lastTs ?? 0) - (rooms.get(a.roomId)?.lastTs ?? 0) || b.ts - a.ts);
  });
}
