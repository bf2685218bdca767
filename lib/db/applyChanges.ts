import { db } from './database';
import type { EventRow, MemberRow, ReactionRow, ReceiptRow, RoomRow } from './types';

/** What the sync layer learnt, in SDK-free terms; applied to Dexie in one transaction. */
export type EventChange =
  /** `backfill`: from scrollback, so it must not trigger pruning of the room it was fetched for. */
  | { kind: 'event'; row: EventRow; backfill?: boolean }
  | { kind: 'edit'; targetId: string; editId: string; sender: string; content: Record<string, unknown> }
  | { kind: 'reaction'; row: ReactionRow }
  | { kind: 'redaction'; targetId: string };

export interface ChangeBatch {
  events: EventChange[];
  rooms: RoomRow[];
  members: MemberRow[];
  receipts: ReceiptRow[];
}

export const DEFAULT_MAX_EVENTS_PER_ROOM = 1_000;

export function emptyBatch(): ChangeBatch {
  return { events: [], rooms: [], members: [], receipts: [] };
}

export async function maxEventsPerRoom(): Promise<number> {
  const settings = await db().kv.get('settings');
  return settings?.key === 'settings' ? settings.maxEventsPerRoom : DEFAULT_MAX_EVENTS_PER_ROOM;
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
  if (stored.editedBy && !incoming.editedBy) {
    return { ...incoming, editedBy: stored.editedBy, content: stored.content, body: stored.body, msgtype: stored.msgtype };
  }
  return incoming;
}

/**
 * Writes one batch: events (never twice: the event id is the key), edits, reactions and
 * redactions applied to what is stored, our own echoes retiring their outbox rows, room
 * summaries, members, receipts; then prunes each touched room to its newest N events.
 */
export async function applyChanges(batch: ChangeBatch): Promise<void> {
  const d = db();
  await d.transaction('rw', [d.events, d.reactions, d.rooms, d.members, d.receipts, d.outbox, d.kv], async () => {
    const touched = new Set<string>();
    for (const change of batch.events) {
      switch (change.kind) {
        case 'event': {
          const stored = await d.events.get(change.row.eventId);
          await d.events.put(merge(stored, change.row));
          if (!change.backfill) touched.add(change.row.roomId);
          // Our own remote echo retires its outbox row, should the send's response have been lost.
          if (change.row.txnId) await d.outbox.delete(change.row.txnId);
          break;
        }
        case 'edit': {
          const target = await d.events.get(change.targetId);
          // Only the sender may edit; an edit of a redacted event changes nothing.
          if (!target || target.sender !== change.sender || target.redacted) break;
          await d.events.put({ ...target, ...displayFields(change.content), content: change.content, editedBy: change.editId });
          break;
        }
        case 'reaction':
          if (!(await d.events.get(change.row.eventId))) await d.reactions.put(change.row);
          break;
        case 'redaction': {
          const target = await d.events.get(change.targetId);
          if (target) {
            await d.events.put({ ...target, redacted: true, body: undefined, msgtype: undefined, content: {}, editedBy: undefined });
          }
          await d.reactions.delete(change.targetId);
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
      }
      await d.rooms.put(row);
    }
    if (batch.members.length) await d.members.bulkPut(batch.members);
    for (const receipt of batch.receipts) {
      const stored = await d.receipts.get([receipt.roomId, receipt.userId]);
      if (!stored || stored.ts <= receipt.ts) await d.receipts.put(receipt);
    }
    const keep = await maxEventsPerRoom();
    for (const roomId of touched) await pruneRoom(roomId, keep);
  });
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
  return excess;
}
