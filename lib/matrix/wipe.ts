import { closeDb } from '../db/database';
import { LOCALE_STORAGE_KEY } from '../i18n/preference';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = () => resolve();
    // Blocked by a connection still open elsewhere: the delete completes once it closes,
    // and Dexie closes its own connections on `versionchange`.
    request.onblocked = () => resolve();
  });
}

/** Workbox's precache holds the app's own static files, no user data: kept so the app still opens offline. */
const APP_SHELL_CACHE = /^workbox-precache-/;

/**
 * Removes everything this app stored on the device: our Dexie database, the SDK's and the
 * crypto store's IndexedDB databases, every cache but the app shell, and web storage. Only
 * the chosen language survives, as a device setting.
 */
export async function wipeLocalData(): Promise<void> {
  closeDb();
  const databases = await indexedDB.databases();
  await Promise.all(databases.flatMap((d) => (d.name ? [deleteDatabase(d.name)] : [])));
  if ('caches' in globalThis) {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => !APP_SHELL_CACHE.test(k)).map((k) => caches.delete(k)));
  }
  const locale = localStorage.getItem(LOCALE_STORAGE_KEY);
  localStorage.clear();
  if (locale) localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  sessionStorage.clear();
}
