import { discardOutboxRow } from '../db/outbox';
import { enqueue, type MessageRef } from '../outbox/enqueue';

/**
 * Deletes a message: one still in the outbox is simply dropped (with its edits and reactions);
 * a sent one gets a redaction, queued like any message.
 */
export async function redactMessage(roomId: string, message: MessageRef, reason?: string): Promise<void> {
  if ('txnId' in message) return discardOutboxRow(message.txnId);
  await enqueue({ roomId, kind: 'redaction', content: reason ? { reason } : {}, relatesTo: { rel: 'redact', to: message } });
}
