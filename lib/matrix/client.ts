import type { MatrixClient } from 'matrix-js-sdk';
import type { SessionRow } from '../db/types';
import { ConnectivityGate } from './connectivityGate';
import { secretStorageCallbacks } from './crypto/secretStorageKeys';
import { Ingest } from './ingest';

export interface RunningClient {
  client: MatrixClient;
  gate: ConnectivityGate;
}

// One client per page: React StrictMode runs effects twice, and two initRustCrypto on
// one IndexedDB at once crash.
let running: Promise<RunningClient> | null = null;

/** Prefix of the crypto store's IndexedDB databases (wiped at logout with the rest). */
export const CRYPTO_DB_PREFIX = 'luxchat-crypto';

/**
 * Creates, wires and starts the SDK for this session. The SDK and the crypto WASM are
 * imported here, after the UI has painted from Dexie.
 */
export function startClient(session: SessionRow): Promise<RunningClient> {
  running ??= create(session).catch((error) => {
    running = null;
    throw error;
  });
  return running;
}

/** The running client, if this tab runs one. */
export function currentClient(): Promise<RunningClient> | null {
  return running;
}

export async function stopClient(): Promise<void> {
  const current = running;
  running = null;
  if (!current) return;
  try {
    const { client } = await current;
    client.stopClient();
  } catch {
    // never started
  }
}

async function create(session: SessionRow): Promise<RunningClient> {
  const sdk = await import('matrix-js-sdk');
  const gate = new ConnectivityGate();
  // No scheduler: the outbox owns retries, the SDK must not resend behind its back.
  const client = new sdk.MatrixClient({
    baseUrl: session.homeserverUrl,
    accessToken: session.accessToken,
    userId: session.userId,
    deviceId: session.deviceId,
    store: new sdk.MemoryStore({ localStorage: globalThis.localStorage }),
    timelineSupport: true,
    fetchFn: gate.fetch,
    cryptoCallbacks: secretStorageCallbacks,
  });
  await client.initRustCrypto({ cryptoDatabasePrefix: CRYPTO_DB_PREFIX });

  const ingest = new Ingest(client);
  client.on(sdk.RoomEvent.Timeline, (event, room, toStartOfTimeline, removed) => {
    if (room && !removed) ingest.event(event, toStartOfTimeline === true);
  });
  client.on(sdk.RoomEvent.LocalEchoUpdated, (event) => ingest.event(event));
  client.on(sdk.MatrixEventEvent.Decrypted, (event) => ingest.event(event));
  // An edit the SDK applies changes what the original's getContent() returns.
  client.on(sdk.MatrixEventEvent.Replaced, (event) => ingest.event(event));
  client.on(sdk.RoomEvent.Redaction, (redaction) => ingest.event(redaction));
  client.on(sdk.RoomEvent.Receipt, (event, room) => ingest.receipt(room.roomId, event.getContent()));
  client.on(sdk.RoomStateEvent.Members, (_event, _state, member) => ingest.member(member));
  // One sync response, one transaction.
  client.on(sdk.ClientEvent.Sync, () => void ingest.flush());
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

  await client.startClient({ initialSyncLimit: 30, lazyLoadMembers: true });
  return { client, gate };
}
