import { enqueue, type MessageRef } from '../outbox/enqueue';
import { messageContent, type Mention } from './messageText';

/** Queues a new text for one of the user's messages, sent or still in the outbox. */
export async function editMessage(roomId: string, message: MessageRef, text: string, mentions: Mention[] = []): Promise<boolean> {
  const content = await messageContent(text, mentions);
  if (!content) return false;
  await enqueue({ roomId, content, relatesTo: { rel: 'replace', to: message } });
  return true;
}
