import { liveQuery } from 'dexie';
// Imported lazily by the page (after its first paint), so the SDK may be imported statically here.
import { ClientEvent, SyncState, type MatrixClient, type SyncStateData } from 'matrix-js-sdk';
import { isSealed } from '../db/database';
import { markSessionEnded } from '../db/session';
import { queuedRowKeys } from '../db/outbox';
import { setConnectionState } from '../db/queries';
import { getSettings } from '../db/settings';
import type { ConnectionState, SessionRow } from '../db/types';
import { OutboxFlusher } from '../outbox/flush';
import { requestBackgroundFlush } from '../pwa/register';
import { fillGapsInBackground } from './backgroundFill';
import { startClient, stopClient, type RunningClient } from './client';
import { prepareEncryption } from './crypto/encryptionSetup';
import { watchUserTrust } from './crypto/trust';
import { verification } from './crypto/verification';
import { dataSaverActive, watchNetworkHints } from './dataSaver';
import { becomeLeader, stepDown } from './leadership';
import { runLocally, whenUserIdle } from './remote';
import type { ResumedSync } from './resumeSync';
import { serveRequests } from './rpc';
import { signOutEverywhere } from './signOut';
import { sdkTransport } from './transport';

/** Resolves on the first sync from the homeserver (the replay of the saved one does not count). */
function firstSync(client: MatrixClient): Promise<void> {
  return new Promise((resolve) => {
    const onSync = (state: SyncState, _prev: SyncState | null, data?: SyncStateData) => {
      if ((state === SyncState.Prepared || state === SyncState.Syncing) && !data?.fromCache) {
        client.off(ClientEvent.Sync, onSync);
        resolve();
      }
    };
    client.on(ClientEvent.Sync, onSync);
  });
}

function connectionFor(state: SyncState, data?: SyncStateData): ConnectionState {
  switch (state) {
    case SyncState.Prepared:
    case SyncState.Syncing:
      // The saved sync replayed at start says nothing about the network yet.
      return data?.fromCache ? 'connecting' : 'online';
    case SyncState.Error:
    case SyncState.Reconnecting:
      return 'offline';
    default:
      return 'connecting';
  }
}

/**
 * A client still not created after this long (a hung IndexedDB, say) is shown as failed, with
 * a retry. Generous: a first login on a 2G connection downloads the 2.5 MB crypto WASM.
 */
const START_TIMEOUT_MS = 180_000;

/**
 * Runs the client and the outbox flush in the syncing tab (syncLeader.ts elects it) until
 * `until` resolves ('stopped'), or until the data saver changes, which needs another sync
 * filter ('restart'). `resumed`: the /sync asked before the SDK loaded, for its first sync.
 */
export async function lead(session: SessionRow, until: Promise<void>, resumed: ResumedSync | null): Promise<'stopped' | 'restart'> {
  let restart = () => {};
  const restarting = new Promise<void>((resolve) => (restart = resolve));
  const done = Promise.race([until.then(() => 'stopped' as const), restarting.then(() => 'restart' as const)]);
  console.debug('luxchat: this tab syncs');
  const settings = await getSettings();
  const dataSaver = dataSaverActive(settings.dataSaver);
  await setConnectionState('connecting', { dataSaver });
  let ended = false;
  const onSessionEnded = (soft: boolean) => {
    if (ended) return;
    ended = true;
    console.warn(`luxchat: the homeserver ended the session (soft logout: ${soft})`);
    // Soft: the user signs in again and keeps everything; ChatScreen stops this leader.
    if (soft) void markSessionEnded(true).catch(() => undefined);
    // A fresh page afterwards: no SDK, no database handles, the login screen saying why.
    else void signOutEverywhere({ serverSide: false, ended: true }).finally(() => location.replace(location.pathname));
  };
  const starting = startClient(session, { dataSaver, onSessionEnded, resumed });
  becomeLeader(starting.then((r) => r.client));
  const stopServing = serveRequests(runLocally);
  const startTimer = setTimeout(() => void setConnectionState('failed', { dataSaver }).catch(() => undefined), START_TIMEOUT_MS);
  let running: RunningClient;
  try {
    running = await starting;
  } catch (error) {
    stopServing();
    stepDown();
    throw error;
  } finally {
    clearTimeout(startTimer);
  }
  const { client, gate } = running;
  let flusher: OutboxFlusher | null = null;
  let shown: ConnectionState = 'connecting';
  let saving = dataSaver;
  const onSyncState = (state: SyncState, _prev: SyncState | null, data?: SyncStateData) => {
    const next = connectionFor(state, data);
    if (next === shown) return;
    shown = next;
    void setConnectionState(next, { dataSaver: saving }).catch(() => undefined); // signed out meanwhile
    // Should this tab close while offline, the service worker sends what it can when back online.
    if (next === 'offline') void requestBackgroundFlush();
    // Back in touch: what waited goes out now, not when its backoff timer says.
    if (next === 'online') {
      void flusher?.flush();
      startBackgroundFill();
    }
  };
  // While offline the gate spaces out probes; the browser may know sooner that we are back.
  const onOnline = () => {
    gate.probeNow();
    client.retryImmediately();
    void flusher?.flush();
  };
  const onVisible = () => {
    if (document.visibilityState === 'hidden') void running.saveSyncPosition().catch(() => undefined);
    else void flusher?.flush();
  };
  // Background filling: one run at a time, only online, only without data saver.
  let filling: Promise<unknown> | null = null;
  let stopped = false;
  const startBackgroundFill = () => {
    if (filling || saving || stopped) return;
    filling = fillGapsInBackground(client, {
      allowed: () => !stopped && !saving && shown === 'online',
      userIdle: whenUserIdle,
    }).finally(() => (filling = null));
  };
  // The setting (from any tab) or the browser's connection hints may turn the data saver on or off.
  let setting = settings.dataSaver;
  const onHints = () => {
    const next = dataSaverActive(setting);
    if (next === saving) return;
    saving = next;
    void setConnectionState(shown, { dataSaver: saving }).catch(() => undefined);
    // The sync filter is fixed when the client starts: start again with the other one.
    restart();
  };
  const stopHints = watchNetworkHints(onHints);
  const settingsWatch = liveQuery(getSettings).subscribe({
    next: (current) => {
      setting = current.dataSaver;
      onHints();
    },
    error: () => undefined,
  });
  client.on(ClientEvent.Sync, onSyncState);
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  let subscription: { unsubscribe(): void } | null = null;
  let detachVerification: (() => void) | null = null;
  let stopTrust: (() => void) | null = null;
  try {
    // No sends before the first sync from the homeserver: the saved sync may predate a room
    // becoming encrypted, and a message must never leave in plaintext for an encrypted room.
    const early = await Promise.race([firstSync(client).then(() => null), done]);
    if (early) return early;
    detachVerification = verification.attach(client);
    stopTrust = watchUserTrust(client);
    // Not awaited: sending and reading do not wait for key backup or cross-signing.
    void prepareEncryption(client).catch((e) => console.error('luxchat: encryption setup failed', e));
    // A row the homeserver accepted means the network is back: a sync waiting out its backoff
    // goes at once, and brings the echoes that retire the sent rows.
    flusher = new OutboxFlusher({
      transport: sdkTransport(client),
      onAccepted: () => {
        const state = client.getSyncState();
        if (state === SyncState.Error || state === SyncState.Reconnecting) client.retryImmediately();
      },
    });
    // Any tab may enqueue, retry or confirm (a row becomes queued); the leader notices through
    // Dexie's cross-tab live queries.
    let lastKeys = '';
    // A row that was waiting for another row's event id becomes sendable too.
    subscription = liveQuery(() => queuedRowKeys()).subscribe({
      next: (keys) => {
        const joined = keys.join(',');
        if (joined !== lastKeys && keys.length) void flusher?.flush();
        lastKeys = joined;
      },
      error: (e) => console.error('luxchat: outbox watch failed', e),
    });
    void flusher.flush();
    startBackgroundFill();
    return await done;
  } finally {
    stopped = true;
    stopServing();
    stepDown();
    subscription?.unsubscribe();
    settingsWatch.unsubscribe();
    stopHints();
    detachVerification?.();
    stopTrust?.();
    client.off(ClientEvent.Sync, onSyncState);
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
    flusher?.stop();
    await stopClient({ save: !isSealed() && !ended });
  }
}
