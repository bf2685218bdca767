import { enqueue, type MessageRef } from '../outbox/enqueue';
import { messageText } from './messageText';

/** Queues a new text for one of the user's messages, sent or still in the outbox. */
export async function editMessage(roomId: string, message: MessageRef, text: string): Promise<boolean> {
  const body = messageText(text);
  if (!body) return false;
  await enqueue({ roomId, content: { msgtype: 'm.text', body }, relatesTo: { rel: 'replace', to: message } });
  return true;
}
