import type { OutboxRow, ProfileChange, RoomChange, RoomCreation, RoomJoin } from '../db/types';
import { isRecord } from '../isRecord';
import { withUploadedUris } from './mediaContent';

/** What one outbox row asks of the homeserver, with its relation resolved to an event id. */
export type OutgoingRequest =
  | { kind: 'event'; roomId: string; txnId: string; type: string; content: Record<string, unknown> }
  | { kind: 'redaction'; roomId: string; txnId: string; eventId: string; reason?: string }
  | { kind: 'receipt'; roomId: string; txnId: string; eventId: string }
  | { kind: 'room'; roomId: string; txnId: string; change: RoomChange & { url?: string } }
  | { kind: 'profile'; roomId: string; txnId: string; change: ProfileChange & { url?: string } }
  /** Resolves with the new room's id. */
  | { kind: 'create'; roomId: string; txnId: string; creation: RoomCreation }
  /** Resolves with the joined room's id. */
  | { kind: 'joinAddress'; roomId: string; txnId: string; join: RoomJoin }
  /** Bytes the row needs on the homeserver before its own request: the flusher stores the URI. */
  | {
      kind: 'upload';
      roomId: string;
      txnId: string;
      index: number;
      blob: Blob;
      contentType: string;
      name?: string;
      /** The bytes were encrypted on the device (for an encrypted room). */
      encrypted: boolean;
      /** A message's attachment (not a room's or the user's picture, which are public). */
      inMessage: boolean;
    };

/**
 * The request a row makes now, or null while the message it refers to has no event id yet
 * (that row is still unsent). Relations are built here, at send time, because a row may
 * refer to a message that was itself unsent when the row was written.
 */
export function requestFor(row: OutboxRow): OutgoingRequest | null {
  const { roomId, txnId, relation } = row;
  if (row.dependsOn) return null;
  const index = row.uploads?.findIndex((u) => !u.mxc) ?? -1;
  if (index >= 0) {
    const { blob, contentType, name } = row.uploads![index];
    // A message's encrypted attachment carries its keys in `file`; room and profile pictures are public.
    const encrypted = isRecord(row.content.file);
    const inMessage = (row.kind ?? 'event') === 'event';
    return { kind: 'upload', roomId, txnId, index, blob, contentType, encrypted, inMessage, ...(name ? { name } : {}) };
  }
  // A picture (room or profile) is the row's first upload.
  const url = row.uploads?.[0]?.mxc;
  if (row.kind === 'room') return { kind: 'room', roomId, txnId, change: { ...(row.content as unknown as RoomChange), ...(url ? { url } : {}) } };
  if (row.kind === 'create') return { kind: 'create', roomId, txnId, creation: row.content as unknown as RoomCreation };
  if (row.kind === 'joinAddress') return { kind: 'joinAddress', roomId, txnId, join: row.content as unknown as RoomJoin };
  if (row.kind === 'profile') return { kind: 'profile', roomId, txnId, change: { ...(row.content as unknown as ProfileChange), ...(url ? { url } : {}) } };
  if (row.kind === 'receipt') return relation?.eventId ? { kind: 'receipt', roomId, txnId, eventId: relation.eventId } : null;
  if (row.kind === 'redaction') {
    if (!relation?.eventId) return null;
    const reason = typeof row.content.reason === 'string' ? row.content.reason : undefined;
    return { kind: 'redaction', roomId, txnId, eventId: relation.eventId, ...(reason ? { reason } : {}) };
  }
  // A media message: its uploads' URIs go into the content now that they exist.
  const content = row.uploads ? withUploadedUris(row.content, row.uploads) : row.content;
  if (!relation) return { kind: 'event', roomId, txnId, type: row.type, content };
  const eventId = relation.eventId;
  if (!eventId) return null;
  switch (relation.rel) {
    case 'reply':
      return { kind: 'event', roomId, txnId, type: row.type, content: { ...content, 'm.relates_to': { 'm.in_reply_to': { event_id: eventId } } } };
    case 'replace': {
      // Clients without edits show the fallback, marked as a correction.
      const body = typeof row.content.body === 'string' ? row.content.body : '';
      const html = typeof row.content.formatted_body === 'string' ? row.content.formatted_body : undefined;
      return {
        kind: 'event',
        roomId,
        txnId,
        type: row.type,
        content: {
          msgtype: row.content.msgtype ?? 'm.text',
          body: `* ${body}`,
          ...(html !== undefined ? { format: row.content.format, formatted_body: `* ${html}` } : {}),
          'm.new_content': row.content,
          'm.relates_to': { rel_type: 'm.replace', event_id: eventId },
        },
      };
    }
    case 'annotation':
      return {
        kind: 'event',
        roomId,
        txnId,
        type: 'm.reaction',
        content: { 'm.relates_to': { rel_type: 'm.annotation', event_id: eventId, key: relation.key ?? '' } },
      };
    case 'redact':
      return { kind: 'redaction', roomId, txnId, eventId };
    case 'read':
      return { kind: 'receipt', roomId, txnId, eventId };
  }
}
