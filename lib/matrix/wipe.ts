import { closeDb } from '../db/database';
import { LOCALE_STORAGE_KEY } from '../i18n/preference';
import { APP_FILE_CACHES } from '../pwa/cacheNames';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = () => resolve();
    // Blocked by a connection still open elsewhere: the delete completes once it closes,
    // and Dexie closes its own connections on `versionchange`.
    request.onblocked = () => resolve();
  });
}

/**
 * Removes everything this app stored on the device: our Dexie database, the SDK's and the
 * crypto store's IndexedDB databases, every cache but the app's own files, and web storage. Only
 * the chosen language survives, as a device setting.
 */
export async function wipeLocalData(): Promise<void> {
  closeDb();
  const databases = await indexedDB.databases();
  await Promise.all(databases.flatMap((d) => (d.name ? [deleteDatabase(d.name)] : [])));
  if ('caches' in globalThis) {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => !APP_FILE_CACHES.test(k)).map((k) => caches.delete(k)));
  }
  const locale = localStorage.getItem(LOCALE_STORAGE_KEY);
  localStorage.clear();
  if (locale) localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  sessionStorage.clear();
}
