import type { EventChange } from '../db/applyChanges';
import type { EventRow } from '../db/types';
import { isRecord } from '../isRecord';

/** Event types the timeline shows. */
const SHOWN = new Set(['m.room.message', 'm.room.encrypted']);

export type Content = Record<string, unknown> & {
  'm.relates_to'?: { rel_type?: unknown; event_id?: unknown; key?: unknown; 'm.in_reply_to'?: { event_id?: unknown } };
  'm.new_content'?: unknown;
  redacts?: unknown;
};

/**
 * A timeline event as plain data: what both the SDK's events (decrypted) and a raw /sync
 * answer's events come down to, so that one function decides what an event means.
 */
export interface PlainEvent {
  eventId: string;
  roomId: string;
  type: string;
  sender: string;
  senderName: string;
  ts: number;
  /** The event's own content (decrypted), before any edit is applied. */
  content: Content;
  /** Where an encrypted event keeps its relation (outside the ciphertext). */
  relation?: Content['m.relates_to'];
  /** A redaction's target (top level in room versions up to 10, in the content from 11). */
  redacts?: unknown;
  /** Set on the sending device's own events, so their outbox rows can be retired. */
  txnId?: string;
  redacted: boolean;
}

/** The shown fields of a message's content; malformed ones are left out, never thrown on. */
export function contentFields(content: Record<string, unknown>): Pick<EventRow, 'content' | 'body' | 'msgtype'> {
  const fields: Pick<EventRow, 'content' | 'body' | 'msgtype'> = { content };
  if (typeof content.msgtype === 'string') fields.msgtype = content.msgtype;
  if (typeof content.body === 'string') fields.body = content.body;
  return fields;
}

/**
 * What an event means for the store: a message (a row), an edit, a reaction, a redaction, or
 * null for what the timeline does not keep.
 */
export function eventMeaning(event: PlainEvent): EventChange | null {
  const { eventId, roomId, type, sender, txnId, content } = event;
  const relation = content['m.relates_to'] ?? event.relation;
  if (type === 'm.room.redaction') {
    const target = event.redacts ?? content.redacts;
    return typeof target === 'string' ? { kind: 'redaction', targetId: target, eventId, txnId } : null;
  }
  if (type === 'm.reaction') {
    if (relation?.rel_type !== 'm.annotation' || typeof relation.event_id !== 'string' || typeof relation.key !== 'string') {
      return null;
    }
    return { kind: 'reaction', row: { eventId, roomId, targetId: relation.event_id, key: relation.key, sender }, txnId };
  }
  if (!SHOWN.has(type)) return null;
  if (relation?.rel_type === 'm.replace' && typeof relation.event_id === 'string') {
    const next = content['m.new_content'];
    return isRecord(next) ? { kind: 'edit', roomId, targetId: relation.event_id, editId: eventId, sender, ts: event.ts, content: next, txnId } : null;
  }
  const row: EventRow = { eventId, roomId, ts: event.ts, sender, senderName: event.senderName, type, txnId };
  if (event.redacted) return { kind: 'event', row: { ...row, redacted: true, content: {} } };
  Object.assign(row, contentFields(content));
  const replyTo = relation?.['m.in_reply_to']?.event_id;
  if (typeof replyTo === 'string') row.inReplyTo = replyTo;
  return { kind: 'event', row };
}
