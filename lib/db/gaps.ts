import { db, type LuxchatDb } from './database';
import { storedBefore } from './events';
import type { GapRow } from './types';

/** The gaps table: its writes happen within applyChanges' transaction (and pruning's). */

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

/** New gaps, gaps moved by a filled page (with their id), and gaps filled completely. */
export async function writeGaps(d: LuxchatDb, gaps: GapRow[], closed: number[]): Promise<void> {
  for (const gap of gaps) await (gap.id === undefined ? addGap(d, gap) : d.gaps.put(gap));
  if (closed.length) await d.gaps.bulkDelete(closed);
}

/** Records a gap unless one already sits at the same place. */
async function addGap(d: LuxchatDb, gap: GapRow): Promise<void> {
  const same = await d.gaps.where('[roomId+ts]').equals([gap.roomId, gap.ts]).first();
  if (same) await d.gaps.update(same.id!, { token: gap.token ?? same.token, beforeEventId: gap.beforeEventId });
  else await d.gaps.add({ roomId: gap.roomId, ts: gap.ts, beforeEventId: gap.beforeEventId, token: gap.token });
}
