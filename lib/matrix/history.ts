import type { MatrixClient, MatrixEvent } from 'matrix-js-sdk';
import { applyChanges, emptyBatch, type EventChange } from '../db/applyChanges';
import { oldestStored, storedBefore } from '../db/events';
import { getGap, gapsOf } from '../db/gaps';
import type { GapRow } from '../db/types';
import { projectEvent } from './project';

export const PAGE_SIZE = 50;

export interface FillResult {
  /** Events stored that the device did not have. */
  added: number;
  /** No history is missing there any more (the gap met stored events, or the room's start). */
  closed: boolean;
}

/** A token to paginate backwards from just before `eventId`, from the homeserver. */
async function tokenBefore(client: MatrixClient, roomId: string, eventId: string): Promise<string | null> {
  const path = `/rooms/${encodeURIComponent(roomId)}/context/${encodeURIComponent(eventId)}`;
  const { Method } = await import('matrix-js-sdk');
  const context = await client.http.authedRequest<{ start?: string }>(Method.Get, path, { limit: '0' });
  return context.start ?? null;
}

async function decrypted(client: MatrixClient, events: MatrixEvent[]): Promise<void> {
  await Promise.all(events.map((e) => client.decryptEventIfNeeded(e).catch(() => undefined)));
}

/**
 * Fetches one page of the history missing at `gap` (newest first, as the homeserver pages
 * backwards) and stores it with the gap moved past it, or removed once the page reaches
 * events the device has or the start of the room. Events land in server order by their time.
 */
export async function fillGapPage(client: MatrixClient, gap: GapRow, limit = PAGE_SIZE): Promise<FillResult> {
  const { Direction } = await import('matrix-js-sdk');
  const token = gap.token ?? (await tokenBefore(client, gap.roomId, gap.beforeEventId));
  const below = await storedBefore(gap.roomId, gap.ts);
  const response = await client.createMessagesRequest(gap.roomId, token, limit, Direction.Backward);
  const mapper = client.getEventMapper({ decrypt: false });
  const events = response.chunk.map(mapper);
  // Late decryptions (keys from the backup, say) reach Dexie through the ingest.
  await decrypted(client, events);

  const room = client.getRoom(gap.roomId);
  const nameOf = (userId: string) => room?.getMember(userId)?.name;
  const batch = emptyBatch();
  let reachedStored = false;
  let oldest: MatrixEvent | null = null;
  for (const event of events) {
    const id = event.getId();
    if (below && (id === below.eventId || event.getTs() < below.ts)) {
      reachedStored = true;
      break;
    }
    oldest = event;
    const change = projectEvent(event, nameOf);
    if (change) batch.events.push(change.kind === 'event' ? ({ ...change, backfill: true } satisfies EventChange) : change);
  }
  const startOfRoom = !response.end || response.chunk.length === 0;
  const closed = reachedStored || startOfRoom || !oldest;
  if (gap.id !== undefined) {
    if (closed) batch.closedGaps.push(gap.id);
    else batch.gaps.push({ ...gap, ts: oldest!.getTs(), beforeEventId: oldest!.getId()!, token: response.end });
  } else if (!closed) {
    batch.gaps.push({ roomId: gap.roomId, ts: oldest!.getTs(), beforeEventId: oldest!.getId()!, token: response.end });
  }
  await applyChanges(batch);
  return { added: batch.events.filter((c) => c.kind === 'event').length, closed };
}

/** Fills the gap with this id page by page until it is closed or `maxPages` were fetched. */
export async function fillGap(client: MatrixClient, gapId: number, maxPages = 10): Promise<FillResult> {
  let added = 0;
  for (let page = 0; page < maxPages; page++) {
    const gap = await getGap(gapId);
    if (!gap) return { added, closed: true };
    const result = await fillGapPage(client, gap);
    added += result.added;
    if (result.closed) return { added, closed: true };
  }
  return { added, closed: false };
}

/**
 * Older history of a room, before its oldest stored event: about `count` more events.
 * Resolves false once the start of the room has been reached.
 */
export async function loadOlder(client: MatrixClient, roomId: string, count: number): Promise<boolean> {
  let added = 0;
  // Bounded: a room full of events the timeline does not show must not keep us paging.
  for (let page = 0; page < 5 && added < count; page++) {
    const oldest = await oldestStored(roomId);
    if (!oldest) return false;
    const top = (await gapsOf(roomId)).filter((g) => g.ts <= oldest.ts).at(-1);
    const gap: GapRow = top ?? { roomId, ts: oldest.ts, beforeEventId: oldest.eventId };
    const result = await fillGapPage(client, gap, Math.max(count - added, 10));
    added += result.added;
    if (result.closed) return false;
  }
  return true;
}
