import { withMentions, type Mention } from '../format/mentions';

export type { Mention } from '../format/mentions';

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
 * `formatted_body` HTML when it formats something, mentions become pills and `m.mentions`.
 * Refused when the text and its HTML together are too long. The Markdown library loads with
 * the first message, not with the app.
 */
export async function messageContent(text: string, mentions: Mention[] = []): Promise<Record<string, unknown> | null> {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (bytes(trimmed) > MAX_BODY_BYTES) throw new MessageTooLong();
  const { formatMarkdown } = await import('../format/markdown');
  const { body, formattedBody, userIds } = withMentions(trimmed, mentions, (t) => formatMarkdown(t).formattedBody);
  const content: Record<string, unknown> = { msgtype: 'm.text', body };
  if (formattedBody) {
    if (bytes(body) + bytes(formattedBody) > MAX_BODY_BYTES) throw new MessageTooLong();
    content.format = 'org.matrix.custom.html';
    content.formatted_body = formattedBody;
  }
  if (userIds.length) content['m.mentions'] = { user_ids: userIds };
  return content;
}
