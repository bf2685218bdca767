import { enqueue } from '../outbox/enqueue';

/** Matrix caps an event at 64 KiB; leave room for the envelope and encryption overhead. */
export const MAX_BODY_BYTES = 32_000;

export class MessageTooLong extends Error {
  constructor() {
    super('tooLong');
    this.name = 'MessageTooLong';
  }
}

/** Queues a text message; it shows at once and is delivered when the homeserver is reachable. */
export async function sendMessage(roomId: string, text: string): Promise<boolean> {
  const body = text.trim();
  if (!body) return false;
  if (new TextEncoder().encode(body).length > MAX_BODY_BYTES) throw new MessageTooLong();
  await enqueue(roomId, 'm.room.message', { msgtype: 'm.text', body });
  return true;
}
