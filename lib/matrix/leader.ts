import { liveQuery } from 'dexie';
// Imported lazily by the page (after its first paint), so the SDK may be imported statically here.
import { ClientEvent, SyncState, type MatrixClient } from 'matrix-js-sdk';
import { db } from '../db/database';
import { setConnectionState } from '../db/queries';
import type { ConnectionState, SessionRow } from '../db/types';
import { OutboxFlusher } from '../outbox/flush';
import { requestBackgroundFlush } from '../sw/register';
import { startClient, stopClient } from './client';
import { prepareEncryption } from './crypto/encryptionSetup';
import { watchUserTrust } from './crypto/trust';
import { verification } from './crypto/verification';
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

/** Runs the client and the outbox flush in this tab until `until` resolves. */
async function lead(session: SessionRow, until: Promise<void>): Promise<void> {
  console.debug('luxchat: this tab syncs');
  await setConnectionState('connecting');
  const { client, gate } = await startClient(session);
  let flusher: OutboxFlusher | null = null;
  let shown: ConnectionState = 'connecting';
  const onSyncState = (state: SyncState) => {
    const next = connectionFor(state);
    if (next === shown) return;
    shown = next;
    void setConnectionState(next);
    // Should this tab close while offline, the service worker sends what it can when back online.
    if (next === 'offline') void requestBackgroundFlush();
    // Back in touch: what waited goes out now, not when its backoff timer says.
    if (next === 'online') void flusher?.flush();
  };
  // While offline the gate spaces out probes; the browser may know sooner that we are back.
  const onOnline = () => {
    gate.probeNow();
    client.retryImmediately();
    void flusher?.flush();
  };
  const onVisible = () => void flusher?.flush();
  client.on(ClientEvent.Sync, onSyncState);
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  let subscription: { unsubscribe(): void } | null = null;
  let detachVerification: (() => void) | null = null;
  let stopTrust: (() => void) | null = null;
  try {
    // Without the first sync the SDK does not know which rooms are encrypted: no sends before it.
    const stopped = await Promise.race([firstSync(client).then(() => false), until.then(() => true)]);
    if (stopped) return;
    detachVerification = verification.attach(client);
    stopTrust = watchUserTrust(client);
    // Not awaited: sending and reading do not wait for key backup or cross-signing.
    void prepareEncryption(client).catch((e) => console.error('luxchat: encryption setup failed', e));
    flusher = new OutboxFlusher({
      transport: sdkTransport(client),
      sender: { userId: session.userId, displayName: client.getUser(session.userId)?.displayName ?? session.userId },
    });
    // Any tab may enqueue; the leader notices new rows through Dexie's cross-tab live queries.
    let lastKeys = '';
    subscription = liveQuery(() => db().outbox.toCollection().primaryKeys()).subscribe({
      next: (keys) => {
        const joined = keys.join(',');
        if (joined !== lastKeys && keys.length) void flusher?.flush();
        lastKeys = joined;
      },
      error: (e) => console.error('luxchat: outbox watch failed', e),
    });
    void flusher.flush();
    await until;
  } finally {
    subscription?.unsubscribe();
    detachVerification?.();
    stopTrust?.();
    client.off(ClientEvent.Sync, onSyncState);
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
    flusher?.stop();
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
