import { liveQuery } from 'dexie';
// Imported lazily by the page (after its first paint), so the SDK may be imported statically here.
import { ClientEvent, SyncState, type MatrixClient } from 'matrix-js-sdk';
import { db } from '../db/database';
import { setConnectionState } from '../db/queries';
import type { ConnectionState, SessionRow } from '../db/types';
import { OutboxFlusher } from '../outbox/flush';
import { startClient, stopClient } from './client';
import { sdkTransport } from './transport';

function firstSync(client: MatrixClient): Promise<void> {
  if (client.isInitialSyncComplete()) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (state: SyncState) => {
      if (state === SyncState.Prepared || state === SyncState.Syncing) {
        client.off(ClientEvent.Sync, onSync);
        resolve();
      }
    };
    client.on(ClientEvent.Sync, onSync);
  });
}

function connectionFor(state: SyncState): ConnectionState {
  switch (state) {
    case SyncState.Prepared:
    case SyncState.Syncing:
      return 'online';
    case SyncState.Error:
    case SyncState.Reconnecting:
      return 'offline';
    default:
      return 'connecting';
  }
}

/** Runs the client and the outbox flush in this tab until the returned stop is called. */
async function lead(session: SessionRow, until: Promise<void>): Promise<void> {
  console.debug('luxchat: this tab syncs');
  await setConnectionState('connecting');
  const { client } = await startClient(session);
  const onSyncState = (state: SyncState) => void setConnectionState(connectionFor(state));
  client.on(ClientEvent.Sync, onSyncState);
  // The SDK probes the homeserver every few seconds while offline; the browser may know sooner.
  const retryNow = () => client.retryImmediately();
  window.addEventListener('online', retryNow);
  await firstSync(client);
  const flusher = new OutboxFlusher({
    transport: sdkTransport(client),
    sender: { userId: session.userId, displayName: client.getUser(session.userId)?.displayName ?? session.userId },
  });
  // Any tab may enqueue; the leader notices new rows through Dexie's cross-tab live queries.
  let lastKeys = '';
  const subscription = liveQuery(() => db().outbox.toCollection().primaryKeys()).subscribe({
    next: (keys) => {
      const joined = keys.join(',');
      if (joined !== lastKeys && keys.length) void flusher.flush();
      lastKeys = joined;
    },
    error: (e) => console.error('outbox watch failed', e),
  });
  const kick = () => void flusher.flush();
  window.addEventListener('online', kick);
  document.addEventListener('visibilitychange', kick);
  void flusher.flush();
  try {
    await until;
  } finally {
    subscription.unsubscribe();
    client.off(ClientEvent.Sync, onSyncState);
    window.removeEventListener('online', retryNow);
    window.removeEventListener('online', kick);
    document.removeEventListener('visibilitychange', kick);
    flusher.stop();
    await stopClient();
  }
}

/**
 * One tab per account syncs (matrix-js-sdk's contract is one client per session): a Web
 * Lock elects it; when it closes, the lock passes to a waiting tab. Returns a stop function.
 */
export function runSyncLeader(session: SessionRow): () => void {
  let release = () => {};
  const until = new Promise<void>((resolve) => (release = resolve));
  const abort = new AbortController();
  const body = () => lead(session, until).catch((e) => console.error('sync leader stopped', e));
  if ('locks' in navigator) {
    navigator.locks
      .request(`luxchat-sync:${session.userId}`, { signal: abort.signal }, body)
      .catch((e: unknown) => {
        if ((e as Error)?.name !== 'AbortError') console.error(e);
      });
  } else {
    void body();
  }
  return () => {
    abort.abort();
    release();
  };
}
