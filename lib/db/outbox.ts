import { db, type LuxchatDb } from './database';
import { addPlaceholderRoom, dropPlaceholderRoom, settlePlaceholderRoom } from './rooms';
import { creationTxnId, isPlaceholderRoomId, opensRoom, placeholderRoomId, type OutboxRow, type RoomCreation } from './types';

/**
 * The outbox table's one writer. What a row's state becomes is decided by lib/outbox's state
 * machine; this module stores it, and keeps rows that refer to other rows consistent.
 */

/** Rows still waiting to reach the homeserver (sent ones only wait for their echo). */
export const UNSENT_STATES = ['queued', 'sending', 'failed', 'needs-confirmation'] as const;

/**
 * Adds a row; with `after`, a row that refers to another row's message. In one transaction
 * with the lookup, so that row cannot be sent and echoed in between: while it is unsent the
 * new row waits for it, once sent it takes its event id. False when that message is gone.
 */
export async function addOutboxRowFor(row: OutboxRow, after?: string): Promise<boolean> {
  const d = db();
  return d.transaction('rw', d.outbox, d.events, d.rooms, async () => {
    if (isPlaceholderRoomId(row.roomId) && !(await intoCreatedRoom(d, row))) return false;
    if (after) {
      const other = await d.outbox.get(after);
      const eventId = other?.eventId ?? (other ? undefined : (await d.events.where('txnId').equals(after).first())?.eventId);
      if (!other && !eventId) return false;
      if (eventId) row.relation = { ...row.relation!, eventId };
      else row.dependsOn = after;
    }
    await d.outbox.add(row);
    return true;
  });
}

/** The homeserver has one of a row's uploads: kept, so a later retry does not upload it again. */
export async function recordUploaded(txnId: string, index: number, mxc: string): Promise<boolean> {
  return (
    (await db()
      .outbox.where('txnId')
      .equals(txnId)
      .modify((row) => {
        if (row.uploads?.[index]) row.uploads[index] = { ...row.uploads[index], mxc };
      })) > 0
  );
}

/**
 * A row for a room created on this device: it waits for the creation (the row it depends on
 * at first), or goes to the room's real id once it has one. False when the creation was discarded.
 */
async function intoCreatedRoom(d: LuxchatDb, row: OutboxRow): Promise<boolean> {
  const room = await d.rooms.get(row.roomId);
  if (room?.movedTo) {
    row.roomId = room.movedTo;
    return true;
  }
  const creation = await d.outbox.get(creationTxnId(row.roomId));
  if (!creation) return false;
  row.dependsOn ??= creation.txnId;
  return true;
}

/** Queues a room to create or join, shown at once (and open for writing) under its placeholder id. */
export async function addRoomCreation(row: OutboxRow, name: string): Promise<void> {
  const d = db();
  await d.transaction('rw', d.outbox, d.rooms, async () => {
    await d.outbox.add(row);
    await addPlaceholderRoom(d, row.roomId, { name, isDirect: (row.content as Partial<RoomCreation>).direct === true, creator: row.kind === 'create' });
  });
}

/**
 * The homeserver created a queued room: the creation is done, and what the user wrote there
 * meanwhile moves to the room's real id and may go (in the order it was written).
 */
export async function recordCreated(txnId: string, roomId: string): Promise<void> {
  const d = db();
  const placeholder = placeholderRoomId(txnId);
  await d.transaction('rw', d.outbox, d.rooms, async () => {
    await d.outbox.delete(txnId);
    await d.outbox
      .where('[roomId+createdAt]')
      .between([placeholder, -Infinity], [placeholder, Infinity])
      .modify((row) => {
        row.roomId = roomId;
        if (row.dependsOn === txnId) delete row.dependsOn;
      });
    await settlePlaceholderRoom(d, placeholder, roomId);
  });
}

/** Changes a row; false when it is gone (sent, or discarded meanwhile). */
export async function updateOutboxRow(txnId: string, change: Partial<OutboxRow>): Promise<boolean> {
  return (await db().outbox.update(txnId, change)) > 0;
}

export function getOutboxRow(txnId: string): Promise<OutboxRow | undefined> {
  return db().outbox.get(txnId);
}

/**
 * The homeserver accepted a row: it stays, as sent, until the sync brings its event (so the
 * message neither jumps nor changes its sender's name), and the rows that refer to it learn
 * its event id. The echo may have come first and retired it already.
 */
export async function recordSent(txnId: string, eventId: string): Promise<void> {
  const d = db();
  await d.transaction('rw', d.outbox, async () => {
    await d.outbox.update(txnId, { state: 'sent', eventId });
    await resolveDependants(d, [{ txnId, eventId }]);
  });
}

/**
 * The sync brought these events of ours: the rows that sent them are done, and the rows that
 * refer to them learn their event ids. Runs inside the caller's transaction (applyChanges).
 */
export async function retireEchoes(d: LuxchatDb, echoes: { eventId: string; txnId?: string }[]): Promise<void> {
  const withTxn = echoes.flatMap((e) => (e.txnId ? [{ txnId: e.txnId, eventId: e.eventId }] : []));
  if (withTxn.length) await d.outbox.bulkDelete(withTxn.map((e) => e.txnId));
  // A row sent elsewhere (the service worker) whose echo came without our transaction id.
  const sentIds = echoes.map((e) => e.eventId);
  if (sentIds.length) await d.outbox.where('eventId').anyOf(sentIds).delete();
  await resolveDependants(d, withTxn);
}

/**
 * A limited sync skipped history in a room: what this device sent there is on the homeserver,
 * in this sync or in the gap, and no echo will come for it until the gap is filled.
 */
export async function retireSentInRoom(d: LuxchatDb, roomId: string): Promise<void> {
  await d.outbox
    .where('[roomId+createdAt]')
    .between([roomId, -Infinity], [roomId, Infinity])
    .filter((row) => row.state === 'sent')
    .delete();
}

async function resolveDependants(d: LuxchatDb, sent: { txnId: string; eventId: string }[]): Promise<void> {
  if (!sent.length) return;
  const eventIds = new Map(sent.map((s) => [s.txnId, s.eventId]));
  await d.outbox
    .where('dependsOn')
    .anyOf([...eventIds.keys()])
    .modify((row) => {
      const eventId = eventIds.get(row.dependsOn!);
      row.relation = { ...row.relation!, eventId };
      delete row.dependsOn;
    });
}

/**
 * Removes an unsent row, and what only makes sense with it: edits of it, reactions to it,
 * deletions of it. A reply to it is the user's own message: it stays, without the reply.
 */
export async function discardOutboxRow(txnId: string): Promise<void> {
  const d = db();
  await d.transaction('rw', d.outbox, d.rooms, async () => {
    const row = await d.outbox.get(txnId);
    if (row && opensRoom(row)) {
      // A room that will not be created (or joined): everything written there goes with it.
      await d.outbox.where('[roomId+createdAt]').between([row.roomId, -Infinity], [row.roomId, Infinity]).delete();
      await d.outbox.delete(txnId);
      await dropPlaceholderRoom(d, row.roomId);
      return;
    }
    const doomed = [txnId];
    for (let i = 0; i < doomed.length; i++) {
      const dependants = await d.outbox.where('dependsOn').equals(doomed[i]).toArray();
      for (const row of dependants) {
        if (row.relation?.rel === 'reply') {
          await d.outbox.where('txnId').equals(row.txnId).modify((r) => {
            delete r.relation;
            delete r.dependsOn;
          });
        } else doomed.push(row.txnId);
      }
    }
    await d.outbox.bulkDelete(doomed);
  });
}

/**
 * Drops a row that has certainly not reached the homeserver (queued or refused, never sent
 * without an answer), with its dependants; false when it may have: it is being sent, was sent,
 * or an attempt went unanswered. One transaction, so the flusher cannot start it in between.
 */
export async function discardIfUnsent(txnId: string): Promise<boolean> {
  const d = db();
  return d.transaction('rw', d.outbox, d.rooms, async () => {
    const row = await d.outbox.get(txnId);
    if (!row || row.outcomeUnknown || (row.state !== 'queued' && row.state !== 'failed')) return false;
    await discardOutboxRow(txnId);
    return true;
  });
}

/** How many of the user's messages have not reached the homeserver (logging out now would lose them). */
export function unsentRowCount(): Promise<number> {
  return db()
    .outbox.where('state')
    .anyOf([...UNSENT_STATES])
    .filter((row) => row.kind !== 'receipt')
    .count();
}

/** A row that is done and leaves no echo to wait for (a read receipt), or one given up. */
export async function removeOutboxRow(txnId: string): Promise<void> {
  await db().outbox.delete(txnId);
}

/** A read receipt: it replaces the room's receipt not sent yet, so offline reading queues one per room. */
export async function putReceiptRow(row: OutboxRow): Promise<void> {
  const d = db();
  await d.transaction('rw', d.outbox, async () => {
    await d.outbox
      .where('[roomId+createdAt]')
      .between([row.roomId, -Infinity], [row.roomId, Infinity])
      .filter((r) => r.kind === 'receipt' && r.state !== 'sending')
      .delete();
    await d.outbox.add(row);
  });
}

/** The queued rows, each with what it waits for: changes whenever one may become sendable. */
export async function queuedRowKeys(): Promise<string[]> {
  const rows = await db().outbox.where('state').equals('queued').toArray();
  return rows.map((r) => `${r.txnId}:${r.dependsOn ?? ''}`);
}
