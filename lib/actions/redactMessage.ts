import { discardIfUnsent } from '../db/outbox';
import { enqueue, TargetGone, type MessageRef } from '../outbox/enqueue';

/**
 * Deletes a message (or takes back a reaction): one that has certainly not left the outbox is
 * simply dropped (with its edits and reactions); one that has, or may have (being sent right
 * now), gets a redaction, queued like any message, which waits for its event id if need be.
 */
export async function redactMessage(roomId: string, message: MessageRef, reason?: string): Promise<void> {
  if ('txnId' in message && (await discardIfUnsent(message.txnId))) return;
  try {
    await enqueue({ roomId, kind: 'redaction', content: reason ? { reason } : {}, relatesTo: { rel: 'redact', to: message } });
  } catch (error) {
    // Gone meanwhile (discarded, or its echo came and the screen will show it by event id).
    if (!(error instanceof TargetGone)) throw error;
  }
}
