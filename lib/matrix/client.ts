import type { MatrixClient, MatrixError } from 'matrix-js-sdk';
import type { SessionRow } from '../db/types';
import { ConnectivityGate } from './connectivityGate';
import { secretStorageCallbacks } from './crypto/secretStorageKeys';
import { markStep } from '../perfMarks';
import { Ingest } from './ingest';
import { syncFilterDefinition } from './syncFilter';
import { trimSavedSync } from './trimSavedSync';

export interface RunningClient {
  client: MatrixClient;
  gate: ConnectivityGate;
  ingest: Ingest;
  /** Writes the sync position now (before the tab goes away). */
  saveSyncPosition(): Promise<void>;
}

export interface StartOptions {
  /** Smallest sync filter (data saver). */
  dataSaver: boolean;
  /** The homeserver refused the token (`soft`: the user may sign in again and keep the data). */
  onSessionEnded(soft: boolean): void;
}

// One client per page: React StrictMode runs effects twice, and two initRustCrypto on
// one IndexedDB at once crash.
let running: Promise<RunningClient> | null = null;

/** Prefix of the crypto store's IndexedDB databases (wiped at logout with the rest). */
export const CRYPTO_DB_PREFIX = 'luxchat-crypto';
/** The SDK's sync store (its database is `matrix-js-sdk:` + this), wiped at logout with the rest. */
export const SYNC_DB_NAME = 'luxchat-sync';

/** Events per room the SDK replays from its saved sync at start (it keeps up to 50). */
const REPLAYED_EVENTS_PER_ROOM = 3;

/** The sync position is written at most this often while syncing (the SDK's own rhythm is 5 minutes). */
const SAVE_EVERY_MS = 20_000;

/**
 * Creates, wires and starts the SDK for this session. The SDK and the crypto WASM are
 * imported here, after the UI has painted from Dexie.
 */
export function startClient(session: SessionRow, options: StartOptions): Promise<RunningClient> {
  running ??= create(session, options).catch((error) => {
    running = null;
    throw error;
  });
  return running;
}

/** `save`: keep the sync position for the next start (not when the session is being wiped). */
export async function stopClient({ save = true }: { save?: boolean } = {}): Promise<void> {
  const current = running;
  running = null;
  if (!current) return;
  try {
    const { client, ingest, saveSyncPosition } = await current;
    if (save) await saveSyncPosition().catch(() => undefined);
    else ingest.stop();
    client.stopClient();
  } catch {
    // never started
  }
}

async function create(session: SessionRow, options: StartOptions): Promise<RunningClient> {
  // The crypto WASM is fetched and compiled while the SDK's code loads, not after it: the SDK's
  // own initialisation then finds it ready. A failure surfaces there, in initRustCrypto.
  const wasm = import('@matrix-org/matrix-sdk-crypto-wasm').then((m) => m.initAsync());
  wasm.catch(() => undefined);
  const sdk = await import('matrix-js-sdk');
  markStep('luxchat:sdk-loaded');
  const gate = new ConnectivityGate();
  // The SDK's sync accumulator on the device: a reopened app asks /sync only for what changed
  // since the saved position, instead of downloading the whole account again.
  const store = new sdk.IndexedDBStore({ indexedDB: globalThis.indexedDB, dbName: SYNC_DB_NAME, localStorage: globalThis.localStorage });
  // Dexie has the saved timelines: the SDK's start-up replay needs the rooms' state, and little history.
  const readSavedSync = store.getSavedSync;
  store.getSavedSync = async () => trimSavedSync(await readSavedSync(), REPLAYED_EVENTS_PER_ROOM);
  // No scheduler: the outbox owns retries, the SDK must not resend behind its back.
  const client = new sdk.MatrixClient({
    baseUrl: session.homeserverUrl,
    accessToken: session.accessToken,
    userId: session.userId,
    deviceId: session.deviceId,
    store,
    timelineSupport: true,
    fetchFn: gate.fetch,
    cryptoCallbacks: secretStorageCallbacks,
  });
  // Independent, so side by side: reading the saved sync and compiling the crypto WASM.
  await Promise.all([
    store.startup().catch(async (e: unknown) => {
      // A broken sync store costs one full sync, nothing else.
      console.warn('luxchat: sync store unusable, starting from scratch', e);
      await store.deleteAllData().catch(() => undefined);
    }),
    client.initRustCrypto({ cryptoDatabasePrefix: CRYPTO_DB_PREFIX }),
  ]);
  markStep('luxchat:stores-ready');

  const ingest = new Ingest(client);
  client.on(sdk.RoomEvent.Timeline, (event, room, toStartOfTimeline, removed) => {
    if (room && !removed) ingest.event(event, toStartOfTimeline === true);
  });
  // A limited sync: the server skipped history before this response's events.
  client.on(sdk.RoomEvent.TimelineReset, (room, timelineSet) => {
    if (room && timelineSet === room.getUnfilteredTimelineSet()) {
      ingest.gap(room.roomId, timelineSet.getLiveTimeline().getPaginationToken(sdk.Direction.Backward) ?? undefined);
    }
  });
  client.on(sdk.RoomEvent.LocalEchoUpdated, (event) => ingest.event(event));
  // A late decryption changes an event, it adds none: no pruning for it (it may be older history).
  client.on(sdk.MatrixEventEvent.Decrypted, (event) => ingest.event(event, true));
  // An edit the SDK applies changes what the original's getContent() returns.
  client.on(sdk.MatrixEventEvent.Replaced, (event) => ingest.event(event));
  client.on(sdk.RoomEvent.Redaction, (redaction) => ingest.event(redaction));
  client.on(sdk.RoomEvent.Receipt, (event, room) => ingest.receipt(room.roomId, event.getContent()));
  client.on(sdk.RoomStateEvent.Members, (_event, _state, member) => ingest.member(member));
  let lastSave = 0;
  const saveSyncPosition = () => {
    lastSave = Date.now();
    return store.save(true);
  };
  // One sync response, one transaction. The replay of the saved sync at start-up brings
  // what Dexie already has: it is not written again.
  client.on(sdk.ClientEvent.Sync, (_state, _prev, data) => {
    const fromCache = data?.fromCache === true;
    markStep(fromCache ? 'luxchat:saved-sync-replayed' : 'luxchat:first-sync');
    void ingest.flush({ replayed: fromCache }).then(() => {
      if (!fromCache) markStep('luxchat:first-sync-stored');
    });
    if (!fromCache && data?.nextSyncToken && Date.now() - lastSave > SAVE_EVERY_MS) {
      void saveSyncPosition().catch((e: unknown) => console.warn('luxchat: sync position not saved', e));
    }
  });
  client.on(sdk.RoomEvent.Name, (room) => ingest.room(room));
  client.on(sdk.RoomEvent.MyMembership, (room) => ingest.room(room));
  client.on(sdk.RoomStateEvent.Events, (event) => {
    const room = client.getRoom(event.getRoomId());
    if (room) ingest.room(room);
  });
  client.on(sdk.ClientEvent.Room, (room) => {
    // The client does not re-emit unread-count changes; the room itself does.
    room.on(sdk.RoomEvent.UnreadNotifications, () => ingest.room(room));
    ingest.room(room);
  });
  client.on(sdk.ClientEvent.AccountData, (event) => {
    if (event.getType() === 'm.direct') ingest.allRooms();
  });
  client.on(sdk.HttpApiEvent.SessionLoggedOut, (error: MatrixError) => {
    options.onSessionEnded(error.data?.soft_logout === true);
  });

  const filter = new sdk.Filter(session.userId);
  filter.setDefinition(syncFilterDefinition(options.dataSaver));
  await client.startClient({ initialSyncLimit: options.dataSaver ? 5 : 20, lazyLoadMembers: true, filter, disablePresence: true });
  return { client, gate, ingest, saveSyncPosition };
}
