import { enqueue } from '../outbox/enqueue';
import { messageContent, type Mention } from './messageText';

export { MAX_BODY_BYTES, MessageTooLong } from './messageText';

/** Queues a text message (Markdown allowed); it shows at once and is delivered when the homeserver is reachable. */
export async function sendMessage(roomId: string, text: string, mentions: Mention[] = []): Promise<boolean> {
  const content = await messageContent(text, mentions);
  if (!content) return false;
  await enqueue({ roomId, content });
  return true;
}
