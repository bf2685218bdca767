import type { MatrixClient, MatrixError } from 'matrix-js-sdk';
import type { ISavedSync } from 'matrix-js-sdk/lib/store/index.js';
import type { SessionRow } from '../db/types';
import { ConnectivityGate } from './connectivityGate';
import { loadCryptoWasm } from './cryptoWasm';
import { secretStorageCallbacks } from './crypto/secretStorageKeys';
import { markStep } from '../perfMarks';
import { Ingest } from './ingest';
import { StartupPrefetch } from './startupPrefetch';
import type { ResumedSync } from './resumeSync';
import { saveResumePoint } from '../db/resumePoint';
import { trimSavedTimelines } from './savedSyncSize';
import { syncFilterDefinition } from './syncFilter';
import { trimSavedSync } from './trimSavedSync';
import { watchForNotifications } from './notifier';
import { TokenKeeper } from './tokenRefresh';
import { lockConfigured } from '../lock/sealing';

export interface RunningClient {
  client: MatrixClient;
  gate: ConnectivityGate;
  ingest: Ingest;
  tokens: TokenKeeper;
  /** Writes the sync position now (before the tab goes away). */
  saveSyncPosition(): Promise<void>;
}

export interface StartOptions {
  /** Smallest sync filter (data saver). */
  dataSaver: boolean;
  /** The homeserver refused the token (`soft`: the user may sign in again and keep the data). */
  onSessionEnded(soft: boolean): void;
  /** The /sync asked before the SDK loaded: it answers the SDK's first one. */
  resumed?: ResumedSync | null;
}

// One client per page: React StrictMode runs effects twice, and two initRustCrypto on
// one IndexedDB at once crash.
let running: Promise<RunningClient> | null = null;

/** Prefix of the crypto store's IndexedDB databases (wiped at logout with the rest). */
export const CRYPTO_DB_PREFIX = 'luxchat-crypto';
/** The SDK's sync store (its database is `matrix-js-sdk:` + this), wiped at logout with the rest. */
export const SYNC_DB_NAME = 'luxchat-sync';

/** The name under which the SDK keeps its sync filter's id (matrix-js-sdk's sync.ts). */
const SYNC_FILTER_NAME = (userId: string) => `FILTER_SYNC_${userId}`;

/** Events per room the SDK's sync store writes and replays at start (its own is 50; Dexie keeps the timelines). */
const SAVED_EVENTS_PER_ROOM = 3;

/** At most this long the start-up replay waits for the first /sync to leave. */
const REPLAY_WAIT_MS = 500;

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
    const { client, ingest, tokens, saveSyncPosition } = await current;
    tokens.stop();
    if (save) await saveSyncPosition().catch(() => undefined);
    else ingest.stop();
    client.stopClient();
  } catch {
    // never started
  }
}

/** Removes the SDK's saved sync from the device (the app lock keeps none). */
function deleteSavedSync(): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(`matrix-js-sdk:${SYNC_DB_NAME}`);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

async function create(session: SessionRow, options: StartOptions): Promise<RunningClient> {
  // Normally started already (loadSyncEngine); compiles while the SDK's code loads, if not.
  // A failure surfaces in initRustCrypto.
  void loadCryptoWasm();
  const sdk = await import('matrix-js-sdk');
  markStep('luxchat:sdk-loaded');
  const gate = new ConnectivityGate();
  // The SDK's sync accumulator on the device: a reopened app asks /sync only for what changed
  // since the saved position, instead of downloading the whole account again.
  // With the app lock on, none: it would hold room names and messages in the clear, so each
  // start syncs the account afresh (the history itself is in Dexie, sealed).
  const lockOn = lockConfigured();
  if (lockOn) await deleteSavedSync();
  const store = lockOn
    ? new sdk.MemoryStore({ localStorage: globalThis.localStorage })
    : new sdk.IndexedDBStore({ indexedDB: globalThis.indexedDB, dbName: SYNC_DB_NAME, localStorage: globalThis.localStorage });
  // Each saved position becomes the next start's resume point (resumeSync), with the filter used.
  if (store instanceof sdk.IndexedDBStore) {
    trimSavedTimelines(store, SAVED_EVENTS_PER_ROOM, (since) => {
      const filterId = store.getFilterIdByName(SYNC_FILTER_NAME(session.userId));
      if (filterId) void saveResumePoint(since, filterId).catch(() => undefined);
    });
  }
  const prefetch = new StartupPrefetch(gate.fetch);
  if (options.resumed) prefetch.offerSync(options.resumed);
  // Dexie has the saved timelines: the SDK's start-up replay needs the rooms' state, and little
  // history. The replay keeps the main thread busy for a while: it starts once the first /sync
  // has left (or after REPLAY_WAIT_MS, offline), so that the server works on the answer meanwhile.
  // The store's own getSavedSync deep-copies the whole saved sync; trimSavedSync copies only what
  // it keeps. (The in-page backend takes `copy`, which its interface type leaves out.)
  if (store instanceof sdk.IndexedDBStore) {
    const backend = store.backend as { getSavedSync(copy?: boolean): Promise<ISavedSync | null> };
    const firstSyncSent = Promise.race([prefetch.requested('/sync'), new Promise((r) => setTimeout(r, REPLAY_WAIT_MS))]);
    store.getSavedSync = async () => {
      const saved = trimSavedSync(await backend.getSavedSync(false), SAVED_EVENTS_PER_ROOM);
      await firstSyncSent;
      return saved;
    };
  }
  // Short-lived access tokens are renewed here, and a refused one renewed and the request sent
  // again, before the SDK would report the session as ended.
  let renewedToken: (token: string) => void = () => undefined;
  const tokens = new TokenKeeper(session, (token) => renewedToken(token), gate.fetch);
  // No scheduler: the outbox owns retries, the SDK must not resend behind its back.
  // No VoIP: the app makes no calls, and the SDK would poll for TURN servers.
  const client = new sdk.MatrixClient({
    baseUrl: session.homeserverUrl,
    accessToken: session.accessToken,
    userId: session.userId,
    deviceId: session.deviceId,
    store,
    timelineSupport: true,
    fetchFn: tokens.wrap(prefetch.fetch),
    cryptoCallbacks: secretStorageCallbacks,
    disableVoip: true,
  });
  renewedToken = (token) => client.setAccessToken(token);
  tokens.start();
  // Before its first /sync the SDK asks, one after another, for the server's versions, the push
  // rules and the saved filter. Asked now, beside the stores, their answers wait in the SDK's
  // caches (versions, filter) or in the prefetch (push rules). Not awaited: offline, the start
  // goes on without them, and failures are the SDK's to retry when it asks.
  prefetch.get(client.http.getUrl('/pushrules/').href, session.accessToken);
  const savedFilterId = store.getFilterIdByName(SYNC_FILTER_NAME(session.userId));
  void client.getVersions().catch(() => undefined);
  if (savedFilterId) void client.getFilter(session.userId, savedFilterId, false).catch(() => undefined);
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
  // New messages notify while the app is off screen (lib/matrix/notifier.ts decides which).
  watchForNotifications(client);
  // A late decryption changes an event, it adds none: no pruning for it (it may be older history).
  client.on(sdk.MatrixEventEvent.Decrypted, (event) => ingest.event(event, true));
  // An edit the SDK applies changes what the original's getContent() returns.
  client.on(sdk.MatrixEventEvent.Replaced, (event) => ingest.event(event));
  client.on(sdk.RoomEvent.Redaction, (redaction) => ingest.event(redaction));
  client.on(sdk.RoomEvent.Receipt, (event, room) => ingest.receipt(room.roomId, event.getContent()));
  client.on(sdk.RoomStateEvent.Members, (_event, _state, member) => ingest.member(member));
  // A member's new power level changes their role, and perhaps what the user may do.
  client.on(sdk.RoomMemberEvent.PowerLevel, (_event, member) => {
    ingest.member(member);
    const room = client.getRoom(member.roomId);
    if (room) ingest.room(room);
  });
  // Typing is shown from the room's summary, like everything else the UI reads.
  client.on(sdk.RoomMemberEvent.Typing, (_event, member) => {
    const room = client.getRoom(member.roomId);
    if (room) ingest.room(room);
  });
  let lastSave = 0;
  const saveSyncPosition = () => {
    lastSave = Date.now();
    return store.save(true);
  };
  // One sync response, one transaction. The replay of the saved sync at start-up brings
  // what Dexie already has: it is not written again.
  // A save serialises the whole sync accumulator on the main thread: it comes after the sync's
  // own Dexie write, and a position just replayed from the device is not due for one yet.
  client.on(sdk.ClientEvent.Sync, (_state, _prev, data) => {
    const fromCache = data?.fromCache === true;
    markStep(fromCache ? 'luxchat:saved-sync-replayed' : 'luxchat:first-sync');
    if (fromCache) lastSave = Date.now();
    const saveDue = !fromCache && !!data?.nextSyncToken && Date.now() - lastSave > SAVE_EVERY_MS;
    if (saveDue) lastSave = Date.now();
    void ingest.flush({ replayed: fromCache }).then(() => {
      if (!fromCache) markStep('luxchat:first-sync-stored');
      if (saveDue) void saveSyncPosition().catch((e: unknown) => console.warn('luxchat: sync position not saved', e));
    });
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
    // Direct chats, and the push rules that hold each room's notification setting.
    if (event.getType() === 'm.direct' || event.getType() === 'm.push_rules') ingest.allRooms();
  });
  client.on(sdk.HttpApiEvent.SessionLoggedOut, (error: MatrixError) => {
    options.onSessionEnded(error.data?.soft_logout === true);
  });

  const filter = new sdk.Filter(session.userId);
  filter.setDefinition(syncFilterDefinition(options.dataSaver));
  await client.startClient({ initialSyncLimit: options.dataSaver ? 5 : 20, lazyLoadMembers: true, filter, disablePresence: true });
  return { client, gate, ingest, tokens, saveSyncPosition };
}
