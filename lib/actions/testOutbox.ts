// Shared by the action tests: a fresh database and the outbox as rows.
import { db } from '../db/database';

export async function freshDatabase(): Promise<void> {
  await db().delete();
  await db().open();
}

export function outboxRows() {
  return db().outbox.orderBy('createdAt').toArray();
}
