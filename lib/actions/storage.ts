import { maxEventsPerRoom, pruneRoom } from '../db/applyChanges';
import { db } from '../db/database';
import { getSettings, updateSettings } from '../db/settings';
import type { DataSaverSetting } from '../db/types';

export { maxEventsPerRoom };
export { storageHealthy, subscribeStorageHealth } from '../status/storageHealth';

/** Sets how many events each room keeps on this device, and prunes to it now. */
export async function setMaxEventsPerRoom(value: number): Promise<void> {
  const keep = Math.max(50, Math.min(100_000, Math.round(value)));
  const d = db();
  await updateSettings({ maxEventsPerRoom: keep });
  const roomIds = await d.rooms.toCollection().primaryKeys();
  for (const roomId of roomIds) await d.transaction('rw', d.events, d.reactions, d.edits, d.gaps, () => pruneRoom(roomId, keep));
}

export async function dataSaverSetting(): Promise<DataSaverSetting> {
  return (await getSettings()).dataSaver;
}

/** Auto / On / Off; the syncing tab picks the change up at once. */
export async function setDataSaver(value: DataSaverSetting): Promise<void> {
  await updateSettings({ dataSaver: value });
}

/** Bytes this origin uses, as the browser reports it (IndexedDB, caches, the crypto store). */
export async function storageUsed(): Promise<number | null> {
  if (!navigator.storage?.estimate) return null;
  return (await navigator.storage.estimate()).usage ?? null;
}

/** Asks the browser not to evict our data under storage pressure; it may say no. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}
