// Tells every tab of this origin that the session is ending, so that none of them keeps
// syncing or writes its database back into existence after the wipe.
const CHANNEL = 'luxchat-session';

/** Set after a wipe the homeserver caused, so the login screen can say why. */
export const SESSION_ENDED_FLAG = 'luxchat.sessionEnded';

export type SessionMessage =
  /** Stop syncing and close the database now: a wipe follows. */
  | { kind: 'closing' }
  /** The wipe is done: show the login screen (`ended`: the homeserver ended the session). */
  | { kind: 'closed'; ended: boolean };

export function announce(message: SessionMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(message);
  channel.close();
}

export function listen(handler: (message: SessionMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<SessionMessage>) => handler(e.data);
  return () => channel.close();
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
