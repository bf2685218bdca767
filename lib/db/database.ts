import Dexie, { type Table } from 'dexie';
import type {
  EventRow,
  KvRow,
  MemberRow,
  OutboxRow,
  ReactionRow,
  ReceiptRow,
  RoomRow,
  SessionRow,
  ThumbnailRow,
  UserTrustRow,
} from './types';

export const DB_NAME = 'luxchat';

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
  }
}

let instance: LuxchatDb | null = null;

/** The app's database, opened lazily so importing this module touches no storage. */
export function db(): LuxchatDb {
  instance ??= new LuxchatDb();
  return instance;
}

/**
 * Whether this device has the app's database, found without opening (and so creating) it:
 * a signed-out device must hold no database of ours at all.
 */
export async function databaseExists(): Promise<boolean> {
  if (instance?.isOpen()) return true;
  return (await indexedDB.databases()).some((d) => d.name === DB_NAME);
}

/** Closes the handle so the database can be deleted; the next db() opens a new one. */
export function closeDb(): void {
  instance?.close();
  instance = null;
}
