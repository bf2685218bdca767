/**
 * Whether the device's storage accepts our writes, for every tab: the syncing tab reports,
 * each tab's status bar shows it. Kept outside IndexedDB, which is what is failing.
 */
type Listener = () => void;

const CHANNEL = 'luxchat-storage-health';
let healthy = true;
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null = null;

function set(value: boolean): void {
  if (healthy === value) return;
  healthy = value;
  for (const listener of listeners) listener();
}

function open(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<unknown>) => {
    if (typeof e.data === 'boolean') set(e.data);
  };
  return channel;
}

/** The syncing tab's verdict after a write. */
export function reportStorage(ok: boolean): void {
  set(ok);
  open()?.postMessage(ok);
}

export function storageHealthy(): boolean {
  return healthy;
}

export function subscribeStorageHealth(listener: Listener): () => void {
  open();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
