// Messages between the tabs of this origin. A BroadcastChannel delivers to every other channel
// object of the same name, in this page too; where there is none (old browsers, some tests),
// nothing is sent and nothing heard.

export function broadcast(channel: string, message: unknown): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const sender = new BroadcastChannel(channel);
  sender.postMessage(message);
  sender.close();
}

/** Calls `handler` with each message on `channel`; returns the stop. */
export function onBroadcast<T>(channel: string, handler: (message: T) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const receiver = new BroadcastChannel(channel);
  receiver.onmessage = (e: MessageEvent<T>) => handler(e.data);
  return () => receiver.close();
}
