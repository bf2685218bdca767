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
      new Promise<{ deviceId: string; accessToken: string }>((resolve, reject) => {
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
