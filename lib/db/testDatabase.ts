// Shared by the tests of the storage, sync and action layers: a fresh database, rooms and the outbox as rows.
import { db } from './database';
import type { RoomRow } from './types';

export async function freshDatabase(): Promise<void> {
  await db().delete();
  await db().open();
}

export function outboxRows() {
  return db().outbox.orderBy('createdAt').toArray();
}

/** A joined room where the user has this power level (the spec's default levels). */
export function joinedRoom(myPowerLevel: number, overrides: Partial<RoomRow> = {}): RoomRow {
  return {
    roomId: '!r:hs',
    name: 'R',
    membership: 'join',
    isDirect: false,
    encrypted: true,
    lastTs: 1,
    unread: 0,
    mentions: 0,
    tags: [],
    myPowerLevel,
    levels: { redact: 50, invite: 0, kick: 50, name: 50, topic: 50, avatar: 50, power: 100 },
    ...overrides,
  };
}
