// Tells every tab of this origin that the session is ending, so that none of them keeps
// syncing or writes its database back into existence after the wipe.
import { broadcast, onBroadcast } from '../broadcast';

const CHANNEL = 'luxchat-session';

/** Set after a wipe the homeserver caused, so the login screen can say why. */
export const SESSION_ENDED_FLAG = 'luxchat.sessionEnded';

export type SessionMessage =
  /** Stop syncing and close the database now: a wipe follows. */
  | { kind: 'closing' }
  /** The wipe is done: show the login screen (`ended`: the homeserver ended the session). */
  | { kind: 'closed'; ended: boolean };

export function announce(message: SessionMessage): void {
  broadcast(CHANNEL, message);
}

export function listen(handler: (message: SessionMessage) => void): () => void {
  return onBroadcast(CHANNEL, handler);
}

let closing = false;
const closingListeners = new Set<() => void>();

/** This page is signing out (here or in another tab): it shows neither chats nor the login form. */
export function markClosing(): void {
  if (closing) return;
  closing = true;
  for (const listener of closingListeners) listener();
}

export function isClosing(): boolean {
  return closing;
}

export function subscribeClosing(listener: () => void): () => void {
  closingListeners.add(listener);
  return () => closingListeners.delete(listener);
}
