import { broadcast, onBroadcast } from '../broadcast';

/**
 * How far each row's uploads have gone (0–1), for the pending message's progress bar. The
 * syncing tab uploads and reports; every tab hears it (a BroadcastChannel), nothing is written
 * to IndexedDB for it (a progress event every few kilobytes would be a write storm).
 */
const CHANNEL = 'luxchat-upload-progress';
/** Other tabs are told at most this often per row (the last report always goes). */
const BROADCAST_EVERY_MS = 200;

const progress = new Map<string, number>();
const lastSent = new Map<string, number>();
const listeners = new Set<() => void>();
let listening: (() => void) | null = null;

type Message = { txnId: string; fraction: number | null };

export function uploadProgress(txnId: string): number | undefined {
  return progress.get(txnId);
}

/** Listens for changes here and in other tabs; returns the stop. */
export function subscribeUploadProgress(listener: () => void): () => void {
  listeners.add(listener);
  listening ??= onBroadcast<Message>(CHANNEL, ({ txnId, fraction }) => set(txnId, fraction));
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      listening?.();
      listening = null;
    }
  };
}

/** The uploading tab's report: `fraction` of the row's bytes are up, null when it is done or gone. */
export function reportUploadProgress(txnId: string, fraction: number | null, now = Date.now()): void {
  set(txnId, fraction);
  const last = lastSent.get(txnId) ?? 0;
  if (fraction !== null && fraction < 1 && now - last < BROADCAST_EVERY_MS) return;
  lastSent.set(txnId, now);
  if (fraction === null) lastSent.delete(txnId);
  broadcast(CHANNEL, { txnId, fraction } satisfies Message);
}

function set(txnId: string, fraction: number | null): void {
  if (fraction === null) progress.delete(txnId);
  else progress.set(txnId, Math.max(0, Math.min(1, fraction)));
  for (const listener of listeners) listener();
}
