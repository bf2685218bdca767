import { enqueue, type MessageRef } from '../outbox/enqueue';
import { messageContent, type Mention } from './messageText';

/**
 * Queues a reply to a message, sent or still in the outbox (then the reply waits for it and
 * refers to its event id once it has one).
 */
export async function sendReply(roomId: string, text: string, to: MessageRef, mentions: Mention[] = []): Promise<boolean> {
  const content = await messageContent(text, mentions);
  if (!content) return false;
  await enqueue({ roomId, content, relatesTo: { rel: 'reply', to } });
  return true;
}
