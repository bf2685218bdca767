import { db } from '../db/database';

/** Puts a failed message back in the queue; the syncing tab sends it. */
export async function retryMessage(txnId: string): Promise<void> {
  await db().outbox.update(txnId, { state: 'queued', nextAttemptAt: 0, error: undefined });
}

export async function discardMessage(txnId: string): Promise<void> {
  await db().outbox.delete(txnId);
}
