// Whether this tab is the one that syncs, and its client once started. Tiny and SDK-free, so
// actions can ask it without loading the SDK in tabs that do not sync.
import type { MatrixClient } from 'matrix-js-sdk';
import { broadcast, onBroadcast } from '../broadcast';

let leading = false;
let ready: Promise<MatrixClient> | null = null;

/** The syncing tab, from when it holds the lock; `client` settles once the client started. */
export function becomeLeader(client: Promise<MatrixClient>): void {
  leading = true;
  ready = client;
  // Handled by whoever awaits it; the leader reports its own start-up failure.
  client.catch(() => undefined);
}

export function stepDown(): void {
  leading = false;
  ready = null;
}

export function isLeader(): boolean {
  return leading;
}

export function leaderClient(): Promise<MatrixClient> | null {
  return ready;
}

const RETRY_CHANNEL = 'luxchat-sync-retry';

/** Asks the syncing tab (this one or another) to try starting the sync again now. */
export function requestSyncRetry(): void {
  broadcast(RETRY_CHANNEL, 'retry');
}

/** The syncing tab listens for retries; returns the stop. */
export function onSyncRetry(listener: () => void): () => void {
  return onBroadcast(RETRY_CHANNEL, listener);
}
