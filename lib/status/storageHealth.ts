/**
 * Whether the device's storage accepts our writes, for every tab: the syncing tab reports,
 * each tab's status bar shows it. Kept outside IndexedDB, which is what is failing.
 */
import { broadcast, onBroadcast } from '../broadcast';

type Listener = () => void;

const CHANNEL = 'luxchat-storage-health';
let healthy = true;
const listeners = new Set<Listener>();
let listening = false;

function set(value: boolean): void {
  if (healthy === value) return;
  healthy = value;
  for (const listener of listeners) listener();
}

/** The syncing tab's verdict after a write. */
export function reportStorage(ok: boolean): void {
  set(ok);
  broadcast(CHANNEL, ok);
}

export function storageHealthy(): boolean {
  return healthy;
}

export function subscribeStorageHealth(listener: Listener): () => void {
  if (!listening) {
    listening = true;
    onBroadcast<unknown>(CHANNEL, (ok) => {
      if (typeof ok === 'boolean') set(ok);
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
