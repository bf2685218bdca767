import Dexie, { type Table } from 'dexie';
import type {
  EditRow,
  EventRow,
  GapRow,
  KvRow,
  MemberRow,
  OutboxRow,
  ReactionRow,
  ReceiptRow,
  RoomRow,
  SavedFileRow,
  SessionRow,
  SharedRow,
  ThumbnailRow,
  UserTrustRow,
} from './types';

import { DB_NAME } from './present';
import { sealingMiddleware, setLockConfigured } from '../lock/sealing';

export { DB_NAME };

/** Version 1's tables, kept so that an older database upgrades in place. */
export const SCHEMA_V1 = {
  session: 'id',
  rooms: 'roomId, lastTs',
  events: 'eventId, [roomId+ts], txnId',
  outbox: 'txnId, [roomId+createdAt], createdAt',
};

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  reactions: 'eventId, targetId, roomId',
  members: '[roomId+userId], roomId',
  receipts: '[roomId+userId], roomId',
  thumbnails: 'mxc, storedAt',
  kv: 'key',
};

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  userTrust: 'userId',
};

export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  // By state: the syncing tab watches which rows are queued without reading them all.
  outbox: 'txnId, [roomId+createdAt], createdAt, state',
  gaps: '++id, roomId, [roomId+ts]',
  edits: 'editId, targetId',
};

export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  // dependsOn: rows waiting for another row to be sent; eventId: sent rows, until their echo.
  outbox: 'txnId, [roomId+createdAt], createdAt, state, dependsOn, eventId',
};

export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  // What another app shared into Luxchat (the share target), until the user sends it somewhere.
  shared: '++id',
  // Files and full-size pictures the user opened or saved, kept for offline use.
  savedFiles: 'key, savedAt',
};

export class LuxchatDb extends Dexie {
  session!: Table<SessionRow, string>;
  rooms!: Table<RoomRow, string>;
  events!: Table<EventRow, string>;
  outbox!: Table<OutboxRow, string>;
  reactions!: Table<ReactionRow, string>;
  members!: Table<MemberRow, [string, string]>;
  receipts!: Table<ReceiptRow, [string, string]>;
  thumbnails!: Table<ThumbnailRow, string>;
  kv!: Table<KvRow, KvRow['key']>;
  userTrust!: Table<UserTrustRow, string>;
  gaps!: Table<GapRow, number>;
  edits!: Table<EditRow, string>;
  shared!: Table<SharedRow, number>;
  savedFiles!: Table<SavedFileRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) =>
        // Version 1 rooms had no mention count and no tags.
        tx
          .table<RoomRow>('rooms')
          .toCollection()
          .modify((room) => {
            room.mentions ??= 0;
            room.tags ??= [];
          }),
      );
    // Version 3 only adds a table.
    this.version(3).stores(SCHEMA_V3);
    // Version 4 adds gaps in stored history, edits waiting for their original, the outbox by state.
    this.version(4).stores(SCHEMA_V4);
    // Version 5: outgoing replies, edits, reactions and deletions that refer to other rows.
    this.version(5).stores(SCHEMA_V5);
    // Version 6: files and text shared from other apps; files kept for offline use.
    this.version(6).stores(SCHEMA_V6);
    // The app lock's sealing (lib/lock/sealing.ts); whether it is on is read before any other
    // query runs, so that nothing is written in the clear on a locked device.
    this.use(sealingMiddleware);
    this.on(
      'ready',
      (vip) =>
        vip
          .table('kv')
          .get('appLock')
          .then((row: unknown) => setLockConfigured(row !== undefined)),
      true,
    );
  }
}

let instance: LuxchatDb | null = null;
let sealed = false;

/** Thrown by db() once this page has signed out: nothing may create the database again. */
export class SessionClosed extends Error {
  constructor() {
    super('signed out');
    this.name = 'SessionClosed';
  }
}

/** The app's database, opened lazily so importing this module touches no storage. */
export function db(): LuxchatDb {
  if (sealed) throw new SessionClosed();
  instance ??= new LuxchatDb();
  return instance;
}

/**
 * Closes the database for good in this page (logout here or in another tab): a late write
 * from a sync or a query would otherwise create it again after the wipe.
 */
export function sealDb(): void {
  sealed = true;
  instance?.close();
  instance = null;
}

/** A new login in this page may open the database again. */
export function unsealDb(): void {
  sealed = false;
}

export function isSealed(): boolean {
  return sealed;
}

/**
 * Whether this device has the app's database, found without opening (and so creating) it:
 * a signed-out device must hold no database of ours at all.
 */
export async function databaseExists(): Promise<boolean> {
  if (sealed) return false;
  if (instance?.isOpen()) return true;
  return (await indexedDB.databases()).some((d) => d.name === DB_NAME);
}

/** Closes the handle so the database can be deleted; the next db() opens a new one. */
export function closeDb(): void {
  instance?.close();
  instance = null;
}
