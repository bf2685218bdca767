import { isPlaceholderRoomId } from '../db/types';
import { runCommand } from '../matrix/remote';

/** How long a "typing" lasts on the homeserver unless renewed, and how often it is renewed. */
export const TYPING_TIMEOUT_MS = 20_000;
export const TYPING_RENEW_MS = 10_000;

/**
 * Tells the room whether the user is typing. Not queued: a typing notice that cannot go now
 * means nothing later, so offline it is dropped.
 */
export function notifyTyping(roomId: string, typing: boolean): void {
  // A room still being created has no id the homeserver knows.
  if (isPlaceholderRoomId(roomId)) return;
  runCommand('sendTyping', roomId, typing, TYPING_TIMEOUT_MS).catch(() => undefined);
}

/**
 * The composer's side: `typed(text)` after each change sends "typing" at most every few seconds
 * while there is text, and "stopped" once when the text is gone or sent.
 */
export function typingNotifier(roomId: string, send = notifyTyping, now = Date.now) {
  let lastSent = 0;
  let typing = false;
  return {
    typed(text: string) {
      if (!text.trim()) return this.stopped();
      if (typing && now() - lastSent < TYPING_RENEW_MS) return;
      typing = true;
      lastSent = now();
      send(roomId, true);
    },
    stopped() {
      if (!typing) return;
      typing = false;
      send(roomId, false);
    },
  };
}
