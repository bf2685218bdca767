/** Matrix caps an event at 64 KiB; leave room for the envelope, an edit's copy and encryption. */
export const MAX_BODY_BYTES = 30_000;

export class MessageTooLong extends Error {
  constructor() {
    super('tooLong');
    this.name = 'MessageTooLong';
  }
}

/** The text as it will be sent, or null when there is nothing to send; refuses what is too long. */
export function messageText(text: string): string | null {
  const body = text.trim();
  if (!body) return null;
  if (new TextEncoder().encode(body).length > MAX_BODY_BYTES) throw new MessageTooLong();
  return body;
}
