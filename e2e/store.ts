import type { Page } from '@playwright/test';

/** Bodies of a room's messages as stored in the page's Dexie database, in the timeline's order. */
export function storedBodies(page: Page, roomId: string): Promise<string[]> {
  return page.evaluate(
    (room) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('luxchat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const index = open.result.transaction('events').objectStore('events').index('[roomId+ts]');
          const all = index.getAll(IDBKeyRange.bound([room, -Infinity], [room, Infinity]));
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as { body?: string }[]).map((e) => e.body ?? ''));
          };
        };
      }),
    roomId,
  );
}

/** Names of the IndexedDB databases the page's origin has. */
export function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
}

/** Counts the bytes of /sync response bodies a page receives, and notes each request's URL. */
export function meterSync(page: Page) {
  const meter = { bytes: 0, urls: [] as string[] };
  page.on('request', (r) => {
    if (r.url().includes('/_matrix/client/v3/sync')) meter.urls.push(r.url());
  });
  page.on('requestfinished', async (r) => {
    if (!r.url().includes('/_matrix/client/v3/sync')) return;
    const sizes = await r.sizes().catch(() => null);
    if (sizes) meter.bytes += sizes.responseBodySize;
  });
  return meter;
}

/** The signed-in session as the page's Dexie database holds it. */
export function sessionRow(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ userId: string; deviceId: string; accessToken: string; refreshToken?: string; accessTokenExpiresAt?: number }>((resolve, reject) => {
        const open = indexedDB.open('luxchat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('session').objectStore('session').get('current');
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** A `kv` row of the page's Dexie database, read raw (null when there is none). */
export function kvRow(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (wanted) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('luxchat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('kv').objectStore('kv').get(wanted);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result ?? null);
          };
        };
      }),
    key,
  );
}

/**
 * Whether any of the page origin's storage holds `needle`: every IndexedDB database's every
 * record (strings, and bytes read as text), localStorage and sessionStorage.
 */
export function deviceStorageContains(page: Page, needle: string): Promise<boolean> {
  return page.evaluate(async (needle) => {
    const decoder = new TextDecoder('utf-8', { fatal: false });
    const holds = (value: unknown, depth = 0): boolean => {
      if (depth > 12 || value === null || value === undefined) return false;
      if (typeof value === 'string') return value.includes(needle);
      if (value instanceof ArrayBuffer) return decoder.decode(value).includes(needle);
      if (ArrayBuffer.isView(value)) return decoder.decode(value as Uint8Array).includes(needle);
      if (Array.isArray(value)) return value.some((v) => holds(v, depth + 1));
      if (typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes(needle) || holds(v, depth + 1));
      return false;
    };
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) if (holds(storage.getItem(storage.key(i)!))) return true;
    }
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of [...database.objectStoreNames]) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const all = database.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
        if (records.some((r) => holds(r))) {
          database.close();
          return true;
        }
      }
      database.close();
    }
    return false;
  }, needle);
}
