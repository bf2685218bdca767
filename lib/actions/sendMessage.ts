import { enqueue } from '../outbox/enqueue';
import { messageText } from './messageText';

export { MAX_BODY_BYTES, MessageTooLong } from './messageText';

/** Queues a text message; it shows at once and is delivered when the homeserver is reachable. */
export async function sendMessage(roomId: string, text: string): Promise<boolean> {
  const body = messageText(text);
  if (!body) return false;
  await enqueue({ roomId, content: { msgtype: 'm.text', body } });
  return true;
}
