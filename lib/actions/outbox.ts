import { db } from '../db/database';

/** Puts a failed message back in the queue; the syncing tab sends it. */
export async function retryMessage(txnId: string): Promise<void> {
  await db().outbox.update(txnId, { state: 'queued', nextAttemptAt: 0, error: undefined });
}

/** Sends a row held for confirmation (its first attempt's fate is unknown) after all. */
export async function confirmMessage(txnId: string): Promise<void> {
  await db().outbox.update(txnId, { state: 'queued', confirmed: true, nextAttemptAt: 0 });
}

export async function discardMessage(txnId: string): Promise<void> {
  await db().outbox.delete(txnId);
}
