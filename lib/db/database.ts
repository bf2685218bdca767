import Dexie, { type Table } from 'dexie';
import type { EventRow, OutboxRow, RoomRow, SessionRow } from './types';

export const DB_NAME = 'luxchat';

export class LuxchatDb extends Dexie {
  session!: Table<SessionRow, string>;
  rooms!: Table<RoomRow, string>;
  events!: Table<EventRow, string>;
  outbox!: Table<OutboxRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      session: 'id',
      rooms: 'roomId, lastTs',
      events: 'eventId, [roomId+ts], txnId',
      outbox: 'txnId, [roomId+createdAt], createdAt',
    });
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
