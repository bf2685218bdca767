import { discardOutboxRow, updateOutboxRow } from '../db/outbox';
import { confirmedByUser, retried } from '../outbox/stateMachine';

/** Puts a failed message back in the queue; the syncing tab sends it. */
export async function retryMessage(txnId: string): Promise<void> {
  await updateOutboxRow(txnId, retried());
}

/** Sends a row held for confirmation (its first attempt's fate is unknown) after all. */
export async function confirmMessage(txnId: string): Promise<void> {
  await updateOutboxRow(txnId, confirmedByUser());
}

/** Drops an unsent message, with the edits, reactions and deletions that refer to it. */
export async function discardMessage(txnId: string): Promise<void> {
  await discardOutboxRow(txnId);
}
