import { db } from './database';
import type { SharedRow } from './types';

/**
 * The shared table's one writer: what another app shared into Luxchat, written by the service
 * worker that received it, read and cleared by the page once the user sent it to a room.
 */

/** Keeps one share: the newest replaces any earlier one the user never sent. */
export async function putShared(row: Omit<SharedRow, 'id'>): Promise<void> {
  const d = db();
  await d.transaction('rw', d.shared, async () => {
    await d.shared.clear();
    await d.shared.add(row);
  });
}

export async function latestShared(): Promise<SharedRow | undefined> {
  return db().shared.orderBy('id').last();
}

export async function clearShared(): Promise<void> {
  await db().shared.clear();
}
