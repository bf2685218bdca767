import { db } from '../db/database';
import type { OutboxRow } from '../db/types';

/** A transaction id unique to this device, fixed once so every retry is the same request. */
export function newTxnId(now = Date.now()): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `lx${now.toString(36)}${random[0].toString(36)}${random[1].toString(36)}`;
}

// Rows are flushed in createdAt order, so two rows typed in the same millisecond must differ.
let lastCreatedAt = 0;

/** Stores an outgoing event; it is shown at once and sent by whichever flush runs next. */
export async function enqueue(roomId: string, type: string, content: Record<string, unknown>): Promise<OutboxRow> {
  const now = Math.max(Date.now(), lastCreatedAt + 1);
  lastCreatedAt = now;
  const row: OutboxRow = {
    txnId: newTxnId(now),
    roomId,
    createdAt: now,
    type,
    content,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: 0,
  };
  await db().outbox.add(row);
  return row;
}
