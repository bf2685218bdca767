import { addOutboxRowFor, addRoomCreation, putReceiptRow } from '../db/outbox';
import { sealFile } from '../lock/sealing';
import { placeholderRoomId, PROFILE_ROOM, type RoomCreation, type RoomJoin, type MessageRef, type OutboxKind, type OutboxRelation, type OutboxRow, type OutboxUpload, type ProfileChange, type RoomChange } from '../db/types';

/** A transaction id unique to this device, fixed once so every retry is the same request. */
export function newTxnId(now = Date.now()): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `lx${now.toString(36)}${random[0].toString(36)}${random[1].toString(36)}`;
}

// Rows are flushed in createdAt order, so two rows typed in the same millisecond must differ.
let lastCreatedAt = 0;

export type { MessageRef } from '../db/types';

export interface Intent {
  roomId: string;
  kind?: OutboxKind;
  type?: string;
  content: Record<string, unknown>;
  /** What the row refers to, and how. */
  relatesTo?: { rel: OutboxRelation['rel']; to: MessageRef; key?: string };
  /** Bytes uploaded before the message is sent (an attachment and its thumbnail). */
  uploads?: OutboxUpload[];
}

/**
 * Stores an outgoing intent; it shows at once and is sent by whichever flush runs next. A row
 * referring to an unsent row waits for it; one referring to a row that is sent by now takes
 * its event id at once.
 */
export async function enqueue(intent: Intent): Promise<OutboxRow> {
  // Its place in the queue is taken now; sealing its files (lock on) may take a while.
  const row = newRow(intent);
  if (row.uploads) row.uploads = await sealedUploads(row.uploads);
  const target = intent.relatesTo;
  if (!target) {
    if (!(await addOutboxRowFor(row))) throw new TargetGone();
    return row;
  }
  row.relation = { rel: target.rel, ...(target.key !== undefined ? { key: target.key } : {}) };
  if ('eventId' in target.to) {
    row.relation.eventId = target.to.eventId;
    if (!(await addOutboxRowFor(row))) throw new TargetGone();
  } else if (!(await addOutboxRowFor(row, target.to.txnId))) throw new TargetGone();
  return row;
}

/**
 * Queues a change to a room (invite, remove, leave, name, topic, picture, role, join), sent in
 * order with the room's messages; a picture goes as the row's upload.
 */
export async function enqueueRoomChange(roomId: string, change: RoomChange, uploads?: OutboxUpload[]): Promise<OutboxRow> {
  const row = newRow({ roomId, kind: 'room', type: 'm.room.change', content: { ...change } });
  if (uploads?.length) row.uploads = await sealedUploads(uploads);
  if (!(await addOutboxRowFor(row))) throw new TargetGone();
  return row;
}

/**
 * Queues the creation of a room; it shows at once under a placeholder id (returned), where
 * the user can already write: those rows wait for the creation, then go to the real room.
 */
export function enqueueRoomCreation(creation: RoomCreation, name: string): Promise<string> {
  return enqueueNewRoom('create', 'm.room.create', { ...creation }, name);
}

/** Queues joining a room by its address; like a creation, it shows at once under a placeholder id (returned). */
export function enqueueRoomJoin(join: RoomJoin, name = join.address): Promise<string> {
  return enqueueNewRoom('joinAddress', 'm.room.join', { ...join }, name);
}

/** A row whose room gets its id from the homeserver: shown under its placeholder meanwhile. */
async function enqueueNewRoom(kind: 'create' | 'joinAddress', type: string, content: Record<string, unknown>, name: string): Promise<string> {
  const row = newRow({ roomId: '', kind, type, content });
  row.roomId = placeholderRoomId(row.txnId);
  await addRoomCreation(row, name);
  return row.roomId;
}

/** Queues a change to the user's profile (display name, picture), in order with earlier ones. */
export async function enqueueProfileChange(change: ProfileChange, uploads?: OutboxUpload[]): Promise<OutboxRow> {
  const row = newRow({ roomId: PROFILE_ROOM, kind: 'profile', type: 'm.profile.change', content: { ...change } });
  if (uploads?.length) row.uploads = await sealedUploads(uploads);
  await addOutboxRowFor(row);
  return row;
}

/** Queues a read receipt (and read marker) up to `eventId`, replacing the room's unsent one. */
export async function enqueueReceipt(roomId: string, eventId: string): Promise<void> {
  const row = newRow({ roomId, kind: 'receipt', type: 'm.read', content: {} });
  row.relation = { rel: 'read', eventId };
  await putReceiptRow(row);
}

/** With the app lock on, the files go into the outbox sealed (the transports open them to upload). */
function sealedUploads(uploads: OutboxUpload[]): Promise<OutboxUpload[]> {
  return Promise.all(uploads.map(async (upload) => ({ ...upload, blob: await sealFile(upload.blob) })));
}

function newRow(intent: Intent): OutboxRow {
  const now = Math.max(Date.now(), lastCreatedAt + 1);
  lastCreatedAt = now;
  const row: OutboxRow = {
    txnId: newTxnId(now),
    roomId: intent.roomId,
    createdAt: now,
    kind: intent.kind ?? 'event',
    type: intent.type ?? (intent.kind === 'redaction' ? 'm.room.redaction' : 'm.room.message'),
    content: intent.content,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: 0,
  };
  if (intent.uploads?.length) row.uploads = intent.uploads;
  return row;
}

/**
 * The message referred to is neither sent nor waiting any more (discarded, or echoed
 * meanwhile), or the room being created was discarded.
 */
export class TargetGone extends Error {
  constructor() {
    super('targetGone');
    this.name = 'TargetGone';
  }
}
