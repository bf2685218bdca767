import { db } from './database';
import { roomEvents } from './events';
import { writeGaps } from './gaps';
import { writeMembers } from './members';
import { retireEchoes, retireSentInRoom } from './outbox';
import { writeReceipts } from './receipts';
import { writeRooms } from './rooms';
import { getSettings } from './settings';
import type { EditRow, EventRow, GapRow, MemberRow, ReactionRow, ReceiptRow, RoomPreview, RoomRow } from './types';

export { DEFAULT_MAX_EVENTS_PER_ROOM } from './settings';

/** What the sync layer learnt, in SDK-free terms; applied to Dexie in one transaction. */
export type EventChange =
  /** `backfill`: from scrollback, so it must not trigger pruning of the room it was fetched for. */
  | { kind: 'event'; row: EventRow; backfill?: boolean }
  | { kind: 'edit'; roomId: string; targetId: string; editId: string; sender: string; ts: number; content: Record<string, unknown>; txnId?: string }
  | { kind: 'reaction'; row: ReactionRow; txnId?: string }
  /** `eventId`: the redaction's own id (absent when only its effect is known). */
  | { kind: 'redaction'; targetId: string; eventId?: string; txnId?: string };

export interface ChangeBatch {
  events: EventChange[];
  rooms: RoomRow[];
  /** Newest messages and counts of stored rooms, known without their full summary. */
  roomPreviews: RoomPreview[];
  members: MemberRow[];
  receipts: ReceiptRow[];
  /** Limited syncs: history skipped just before an event of this batch; with an id, a gap moved by filling. */
  gaps: GapRow[];
  /** Gaps filled completely. */
  closedGaps: number[];
}

export function emptyBatch(): ChangeBatch {
  return { events: [], rooms: [], roomPreviews: [], members: [], receipts: [], gaps: [], closedGaps: [] };
}

export async function maxEventsPerRoom(): Promise<number> {
  return (await getSettings()).maxEventsPerRoom;
}

function displayFields(content: Record<string, unknown>): Pick<EventRow, 'body' | 'msgtype'> {
  return {
    body: typeof content.body === 'string' ? content.body : undefined,
    msgtype: typeof content.msgtype === 'string' ? content.msgtype : undefined,
  };
}

/** An incoming copy of a stored event must not undo what we already know (an edit, a redaction). */
function merge(stored: EventRow | undefined, incoming: EventRow): EventRow {
  if (!stored) return incoming;
  if (stored.redacted) return { ...incoming, redacted: true, body: undefined, content: {}, msgtype: undefined };
  if (stored.editedBy && (!incoming.editedBy || (incoming.editedAt ?? -Infinity) < (stored.editedAt ?? Infinity))) {
    return { ...incoming, editedBy: stored.editedBy, editedAt: stored.editedAt, content: stored.content, body: stored.body, msgtype: stored.msgtype };
  }
  return incoming;
}

type EditChange = Extract<EventChange, { kind: 'edit' }>;

/** The event with an edit applied, or unchanged when the edit is not allowed or older than the one shown. */
function withEdit(target: EventRow, edit: Pick<EditChange, 'editId' | 'sender' | 'ts' | 'content'>): EventRow {
  // Only the sender may edit; an edit of a redacted event changes nothing.
  if (target.sender !== edit.sender || target.redacted) return target;
  // The newest edit by server time wins, whatever order edits arrive in.
  if (target.editedBy && (target.editedAt ?? -Infinity) > edit.ts) return target;
  if (target.editedBy === edit.editId) return target;
  return { ...target, ...displayFields(edit.content), content: edit.content, editedBy: edit.editId, editedAt: edit.ts };
}

/** Every event id a batch reads: the events themselves, edit and redaction targets, reactions. */
function referencedIds(batch: ChangeBatch): string[] {
  const ids = new Set<string>();
  for (const change of batch.events) {
    if (change.kind === 'event') ids.add(change.row.eventId);
    else if (change.kind === 'reaction') ids.add(change.row.eventId);
    else ids.add(change.targetId);
  }
  return [...ids];
}

/**
 * Writes one batch: events (never twice: the event id is the key), edits, reactions and
 * redactions applied to what is stored, our own echoes retiring their outbox rows, room
 * summaries, members, receipts, gaps; then, in a transaction of its own, prunes each touched
 * room to its newest N events.
 * Reads and writes go in bulk: a sync response of thousands of events is a few requests.
 */
export async function applyChanges(batch: ChangeBatch): Promise<void> {
  const d = db();
  let touchedRooms = new Set<string>();
  await d.transaction('rw', [d.events, d.reactions, d.rooms, d.members, d.receipts, d.outbox, d.kv, d.gaps, d.edits], async () => {
    const ids = referencedIds(batch);
    const storedRows = ids.length ? await d.events.bulkGet(ids) : [];
    /** The events as this batch leaves them; `dirty` ones are written at the end. */
    const events = new Map<string, EventRow | undefined>(ids.map((id, i) => [id, storedRows[i]]));
    const dirty = new Set<string>();
    const newIds = batch.events.flatMap((c) => (c.kind === 'event' && !events.get(c.row.eventId) ? [c.row.eventId] : []));
    const waitingEdits = newIds.length ? await d.edits.where('targetId').anyOf(newIds).toArray() : [];
    const editsFor = new Map<string, EditRow[]>();
    for (const edit of waitingEdits.sort((x, y) => x.ts - y.ts)) editsFor.set(edit.targetId, [...(editsFor.get(edit.targetId) ?? []), edit]);
    const touched = new Set<string>();
    const previews = new Set<string>();
    const echoes: { eventId: string; txnId?: string }[] = [];
    const newEdits: EditRow[] = [];
    const reactions: ReactionRow[] = [];
    const redacted = new Set<string>();

    for (const change of batch.events) {
      switch (change.kind) {
        case 'event': {
          let row = merge(events.get(change.row.eventId), change.row);
          for (const edit of editsFor.get(row.eventId) ?? []) row = withEdit(row, edit);
          events.set(row.eventId, row);
          dirty.add(row.eventId);
          if (!change.backfill) touched.add(row.roomId);
          echoes.push({ eventId: row.eventId, txnId: row.txnId });
          break;
        }
        case 'edit': {
          echoes.push({ eventId: change.editId, txnId: change.txnId });
          const target = events.get(change.targetId);
          if (!target) {
            // Kept until the original arrives (older history is fetched newest first).
            newEdits.push({ editId: change.editId, roomId: change.roomId, targetId: change.targetId, sender: change.sender, ts: change.ts, content: change.content });
            break;
          }
          const edited = withEdit(target, change);
          if (edited !== target) {
            events.set(edited.eventId, edited);
            dirty.add(edited.eventId);
            previews.add(target.roomId);
          }
          break;
        }
        case 'reaction':
          echoes.push({ eventId: change.row.eventId, txnId: change.txnId });
          if (!events.get(change.row.eventId)) reactions.push(change.row);
          break;
        case 'redaction': {
          if (change.eventId) echoes.push({ eventId: change.eventId, txnId: change.txnId });
          const target = events.get(change.targetId);
          if (target) {
            events.set(target.eventId, { ...target, redacted: true, body: undefined, msgtype: undefined, content: {}, editedBy: undefined });
            dirty.add(target.eventId);
            previews.add(target.roomId);
          }
          redacted.add(change.targetId);
          break;
        }
      }
    }
    await d.events.bulkPut([...dirty].map((id) => events.get(id)!));
    // Our own events retire their outbox rows (the homeserver's answer to the send may have been lost).
    await retireEchoes(d, echoes);
    for (const roomId of new Set(batch.gaps.filter((g) => g.id === undefined).map((g) => g.roomId))) await retireSentInRoom(d, roomId);
    if (newEdits.length) await d.edits.bulkPut(newEdits);
    if (reactions.length) await d.reactions.bulkPut(reactions.filter((r) => !redacted.has(r.eventId)));
    if (redacted.size) {
      await d.reactions.bulkDelete([...redacted]);
      await d.edits.where('targetId').anyOf([...redacted]).delete();
    }

    // Independent of each other: sent together, not one round trip after another (on a main
    // thread busy with the sync, each round trip waits its turn).
    await Promise.all([writeRooms(d, batch.rooms, previews, events, batch.roomPreviews), writeMembers(d, batch.members), writeReceipts(d, batch.receipts), writeGaps(d, batch.gaps, batch.closedGaps)]);
    touchedRooms = touched;
  });
  // Housekeeping, after the batch shows: a prune that does not happen now happens next time.
  if (touchedRooms.size) await pruneRooms([...touchedRooms]);
}

async function pruneRooms(roomIds: string[]): Promise<void> {
  const d = db();
  await d.transaction('rw', [d.events, d.reactions, d.edits, d.gaps, d.kv], async () => {
    const keep = await maxEventsPerRoom();
    await Promise.all(roomIds.map((roomId) => pruneRoom(roomId, keep)));
  });
}

/** Deletes a room's oldest events beyond `keep`; scrollback fetches them again when needed. */
export async function pruneRoom(roomId: string, keep: number): Promise<number> {
  const d = db();
  const excess = (await roomEvents(roomId).count()) - keep;
  if (excess <= 0) return 0;
  const oldest = await roomEvents(roomId).limit(excess).primaryKeys();
  await d.events.bulkDelete(oldest);
  await d.reactions.where('targetId').anyOf(oldest).delete();
  await d.edits.where('targetId').anyOf(oldest).delete();
  // A gap below the oldest kept event is now part of "older history": the top of the room.
  const first = await roomEvents(roomId).first();
  if (first) await d.gaps.where('[roomId+ts]').between([roomId, -Infinity], [roomId, first.ts], true, true).delete();
  return excess;
}
