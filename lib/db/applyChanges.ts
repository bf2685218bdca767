import { db, type LuxchatDb } from './database';
import { getSettings } from './settings';
import type { EventRow, GapRow, MemberRow, ReactionRow, ReceiptRow, RoomRow } from './types';

export { DEFAULT_MAX_EVENTS_PER_ROOM } from './settings';

/** What the sync layer learnt, in SDK-free terms; applied to Dexie in one transaction. */
export type EventChange =
  /** `backfill`: from scrollback, so it must not trigger pruning of the room it was fetched for. */
  | { kind: 'event'; row: EventRow; backfill?: boolean }
  | { kind: 'edit'; roomId: string; targetId: string; editId: string; sender: string; ts: number; content: Record<string, unknown> }
  | { kind: 'reaction'; row: ReactionRow }
  | { kind: 'redaction'; targetId: string };

export interface ChangeBatch {
  events: EventChange[];
  rooms: RoomRow[];
  members: MemberRow[];
  receipts: ReceiptRow[];
  /** Limited syncs: history skipped just before an event of this batch; with an id, a gap moved by filling. */
  gaps: GapRow[];
  /** Gaps filled completely. */
  closedGaps: number[];
}

export function emptyBatch(): ChangeBatch {
  return { events: [], rooms: [], members: [], receipts: [], gaps: [], closedGaps: [] };
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

/** Edits that arrived before their original (scrollback, gap filling), newest last. */
async function pendingEdits(d: LuxchatDb, eventId: string) {
  return (await d.edits.where('targetId').equals(eventId).toArray()).sort((a, b) => a.ts - b.ts);
}

/** The room list's preview must not show a message that was deleted, nor the text before an edit. */
async function refreshPreview(d: LuxchatDb, roomId: string): Promise<void> {
  const room = await d.rooms.get(roomId);
  if (!room?.lastEventId) return;
  const shown = await d.events.get(room.lastEventId);
  if (!shown) return;
  if (!shown.redacted) {
    if (shown.body !== room.lastBody) await d.rooms.update(roomId, { lastBody: shown.body });
    return;
  }
  const newer = await d.events
    .where('[roomId+ts]')
    .between([roomId, -Infinity], [roomId, Infinity])
    .reverse()
    .filter((e) => !e.redacted && e.decryptionError === undefined)
    .first();
  await d.rooms.update(roomId, {
    lastEventId: newer?.eventId,
    lastBody: newer?.body,
    lastSender: newer?.senderName,
  });
}

/**
 * Writes one batch: events (never twice: the event id is the key), edits, reactions and
 * redactions applied to what is stored, our own echoes retiring their outbox rows, room
 * summaries, members, receipts; then prunes each touched room to its newest N events.
 */
export async function applyChanges(batch: ChangeBatch): Promise<void> {
  const d = db();
  await d.transaction('rw', [d.events, d.reactions, d.rooms, d.members, d.receipts, d.outbox, d.kv, d.gaps, d.edits], async () => {
    const touched = new Set<string>();
    const previews = new Set<string>();
    for (const change of batch.events) {
      switch (change.kind) {
        case 'event': {
          const stored = await d.events.get(change.row.eventId);
          let row = merge(stored, change.row);
          for (const edit of await pendingEdits(d, row.eventId)) row = withEdit(row, edit);
          await d.events.put(row);
          if (!change.backfill) touched.add(change.row.roomId);
          // Our own remote echo retires its outbox row, should the send's response have been lost.
          if (change.row.txnId) await d.outbox.delete(change.row.txnId);
          break;
        }
        case 'edit': {
          const target = await d.events.get(change.targetId);
          if (!target) {
            // Kept until the original arrives (older history is fetched newest first).
            await d.edits.put({ editId: change.editId, roomId: change.roomId, targetId: change.targetId, sender: change.sender, ts: change.ts, content: change.content });
            break;
          }
          const edited = withEdit(target, change);
          if (edited !== target) {
            await d.events.put(edited);
            previews.add(target.roomId);
          }
          break;
        }
        case 'reaction':
          if (!(await d.events.get(change.row.eventId))) await d.reactions.put(change.row);
          break;
        case 'redaction': {
          const target = await d.events.get(change.targetId);
          if (target) {
            await d.events.put({ ...target, redacted: true, body: undefined, msgtype: undefined, content: {}, editedBy: undefined });
            previews.add(target.roomId);
          }
          await d.reactions.delete(change.targetId);
          await d.edits.where('targetId').equals(change.targetId).delete();
          break;
        }
      }
    }
    for (const row of batch.rooms) {
      const stored = await d.rooms.get(row.roomId);
      // The SDK's timeline may be shorter than ours after a restart: keep the newer preview.
      if (stored && stored.lastTs > row.lastTs && row.membership === stored.membership) {
        row.lastTs = stored.lastTs;
        row.lastSender = stored.lastSender;
        row.lastBody = stored.lastBody;
        row.lastEventId = stored.lastEventId;
        previews.add(row.roomId);
      }
      await d.rooms.put(row);
    }
    for (const roomId of previews) await refreshPreview(d, roomId);
    if (batch.members.length) await d.members.bulkPut(batch.members);
    for (const receipt of batch.receipts) {
      const stored = await d.receipts.get([receipt.roomId, receipt.userId]);
      if (!stored || stored.ts <= receipt.ts) await d.receipts.put(receipt);
    }
    for (const gap of batch.gaps) await (gap.id === undefined ? addGap(d, gap) : d.gaps.put(gap));
    if (batch.closedGaps.length) await d.gaps.bulkDelete(batch.closedGaps);
    const keep = await maxEventsPerRoom();
    for (const roomId of touched) await pruneRoom(roomId, keep);
  });
}

/** Records a gap unless one already sits at the same place. */
async function addGap(d: LuxchatDb, gap: GapRow): Promise<void> {
  const same = await d.gaps.where('[roomId+ts]').equals([gap.roomId, gap.ts]).first();
  if (same) await d.gaps.update(same.id!, { token: gap.token ?? same.token, beforeEventId: gap.beforeEventId });
  else await d.gaps.add({ roomId: gap.roomId, ts: gap.ts, beforeEventId: gap.beforeEventId, token: gap.token });
}

/** Deletes a room's oldest events beyond `keep`; scrollback fetches them again when needed. */
export async function pruneRoom(roomId: string, keep: number): Promise<number> {
  const d = db();
  const inRoom = () => d.events.where('[roomId+ts]').between([roomId, -Infinity], [roomId, Infinity]);
  const excess = (await inRoom().count()) - keep;
  if (excess <= 0) return 0;
  const oldest = await inRoom().limit(excess).primaryKeys();
  await d.events.bulkDelete(oldest);
  await d.reactions.where('targetId').anyOf(oldest).delete();
  await d.edits.where('targetId').anyOf(oldest).delete();
  // A gap below the oldest kept event is now part of "older history": the top of the room.
  const first = await inRoom().first();
  if (first) await d.gaps.where('[roomId+ts]').between([roomId, -Infinity], [roomId, first.ts], true, true).delete();
  return excess;
}
