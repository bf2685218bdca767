// Requests from tabs that do not sync to the tab that does, over a BroadcastChannel: every
// action works in every tab. The syncing tab acknowledges at once and answers when done.
import { ActionError, type ActionErrorCode } from './errors';

const CHANNEL = 'luxchat-leader-rpc';
/** No syncing tab acknowledged within this: no tab can act for us. */
export const ACK_TIMEOUT_MS = 8_000;
/** The syncing tab acknowledged but never answered (it closed mid-way). */
export const ANSWER_TIMEOUT_MS = 90_000;

type Message =
  | { kind: 'request'; id: string; method: string; args: unknown[] }
  | { kind: 'ack'; id: string }
  | { kind: 'answer'; id: string; ok: true; value: unknown }
  | { kind: 'answer'; id: string; ok: false; code: ActionErrorCode };

export type Handler = (method: string, args: unknown[]) => Promise<unknown>;

/** Serves other tabs' requests in the syncing tab until the returned function is called. */
export function serveRequests(handle: Handler): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<Message>) => {
    const message = e.data;
    if (message?.kind !== 'request') return;
    channel.postMessage({ kind: 'ack', id: message.id } satisfies Message);
    handle(message.method, message.args).then(
      (value) => channel.postMessage({ kind: 'answer', id: message.id, ok: true, value } satisfies Message),
      (error: unknown) =>
        channel.postMessage({
          kind: 'answer',
          id: message.id,
          ok: false,
          code: error instanceof ActionError ? error.code : 'failed',
        } satisfies Message),
    );
  };
  return () => channel.close();
}

/** Asks the syncing tab to run `method`; its failure arrives here as the same ActionError. */
export function requestFromLeader(
  method: string,
  args: unknown[],
  { ackTimeoutMs = ACK_TIMEOUT_MS, answerTimeoutMs = ANSWER_TIMEOUT_MS } = {},
): Promise<unknown> {
  if (typeof BroadcastChannel === 'undefined') return Promise.reject(new ActionError('notReady'));
  const channel = new BroadcastChannel(CHANNEL);
  const id = `${Date.now().toString(36)}-${crypto.getRandomValues(new Uint32Array(1))[0].toString(36)}`;
  return new Promise<unknown>((resolve, reject) => {
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      channel.close();
      fn();
    };
    let timer = setTimeout(() => finish(() => reject(new ActionError('noSyncingTab'))), ackTimeoutMs);
    channel.onmessage = (e: MessageEvent<Message>) => {
      const message = e.data;
      if (message?.id !== id) return;
      if (message.kind === 'ack') {
        clearTimeout(timer);
        timer = setTimeout(() => finish(() => reject(new ActionError('offline'))), answerTimeoutMs);
      } else if (message.kind === 'answer') {
        finish(() => (message.ok ? resolve(message.value) : reject(new ActionError(message.code))));
      }
    };
    channel.postMessage({ kind: 'request', id, method, args } satisfies Message);
  });
}
