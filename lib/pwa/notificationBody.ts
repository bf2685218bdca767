// What a notification says of a message: its text (without a reply's quote, shortened), what
// an attachment is, or only "New message" for one this device could not decrypt. Shared by
// the syncing tab and the service worker's periodic check.
import type { NotificationText } from './notifications';

const BODY_MAX = 160;

/** `content` null: the message is encrypted and was not decrypted here. */
export function notificationBody(content: Record<string, unknown> | null, text: NotificationText): string {
  if (!content) return text.newMessage;
  switch (content.msgtype) {
    case 'm.image':
      return text.photo;
    case 'm.file':
      return text.file;
    case 'm.audio':
      return text.voice;
    case 'm.video':
      return text.video;
  }
  const body = typeof content.body === 'string' ? withoutReplyFallback(content.body).trim() : '';
  if (!body) return text.newMessage;
  return body.length > BODY_MAX ? `${body.slice(0, BODY_MAX - 1)}…` : body;
}

/** A reply's body starts with the quoted message ("> …" lines, then a blank line). */
function withoutReplyFallback(body: string): string {
  if (!body.startsWith('> ')) return body;
  const end = body.indexOf('\n\n');
  return end >= 0 ? body.slice(end + 2) : body;
}

/** An edit is not a new message. */
export function isEdit(content: Record<string, unknown>): boolean {
  const relation = content['m.relates_to'];
  return typeof relation === 'object' && relation !== null && (relation as { rel_type?: unknown }).rel_type === 'm.replace';
}
