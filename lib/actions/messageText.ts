/** Matrix caps an event at 64 KiB; leave room for the envelope, an edit's copy and encryption. */
export const MAX_BODY_BYTES = 30_000;

export class MessageTooLong extends Error {
  constructor() {
    super('tooLong');
    this.name = 'MessageTooLong';
  }
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * The content of a typed text message, or null when there is nothing to send: Markdown becomes
 * `formatted_body` HTML when it formats something. Refused when the text and its HTML together
 * are too long. The Markdown library loads with the first message, not with the app.
 */
export async function messageContent(text: string): Promise<Record<string, unknown> | null> {
  const body = text.trim();
  if (!body) return null;
  if (bytes(body) > MAX_BODY_BYTES) throw new MessageTooLong();
  const { formatMarkdown } = await import('../format/markdown');
  const { formattedBody } = formatMarkdown(body);
  if (!formattedBody) return { msgtype: 'm.text', body };
  if (bytes(body) + bytes(formattedBody) > MAX_BODY_BYTES) throw new MessageTooLong();
  return { msgtype: 'm.text', body, format: 'org.matrix.custom.html', formatted_body: formattedBody };
}
