/// <reference lib="webworker" />
// Two precaches: the app shell (the pages and what they load), cached when the worker
// installs, and the rest of the app (chat screens, SDK, crypto WASM), cached once someone
// signs in on this device, so that a first visit to the login screen stays light.
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { appDatabasePresent } from '../db/present';
// Not workbox's usual name: its clean-up of outdated precaches must leave this one alone.
import { APP_CACHE } from '../pwa/cacheNames';

declare const self: ServiceWorkerGlobalScope;

export interface PrecacheEntry {
  url: string;
  revision: string | null;
}


export function precacheInTwoParts(entries: PrecacheEntry[], shellFiles: string[]) {
  const inShell = new Set(shellFiles);
  const shell = new PrecacheController();
  const app = new PrecacheController({ cacheName: APP_CACHE });
  shell.addToCacheList(entries.filter((e) => inShell.has(e.url)));
  app.addToCacheList(entries.filter((e) => !inShell.has(e.url)));
  // `/lb/` is served from the precached `lb/index.html`.
  registerRoute(new PrecacheRoute(shell, { directoryIndex: 'index.html', cleanURLs: true }));
  // Until it is cached, the app's part comes from the network.
  registerRoute(new PrecacheRoute(app, {}));

  let caching: Promise<void> | null = null;
  /** Fetches what the app's cache lacks; one run at a time. */
  const cacheApp = () => {
    caching ??= fillCache(app).finally(() => {
      caching = null;
    });
    return caching;
  };

  return {
    /** A new version: the shell, and the app's part too where someone is signed in (offline use). */
    install(event: ExtendableEvent) {
      void shell.install(event);
      event.waitUntil(appDatabasePresent().then((signedIn) => (signedIn === false ? undefined : cacheApp())));
    },
    activate(event: ExtendableEvent) {
      void shell.activate(event);
      void app.activate(event);
    },
    /** Someone is signing in (or is signed in): cache the rest of the app now. */
    cacheApp,
    /** Whether every file of the app is in the cache. */
    async appCached(): Promise<boolean> {
      const cache = await caches.open(APP_CACHE);
      for (const key of app.getURLsToCacheKeys().values()) if (!(await cache.match(key))) return false;
      return true;
    },
  };
}

async function fillCache(controller: PrecacheController): Promise<void> {
  const cache = await caches.open(APP_CACHE);
  for (const [url, key] of controller.getURLsToCacheKeys()) {
    if (await cache.match(key)) continue;
    // A file with a revision (its name does not change with its content) skips the HTTP cache.
    const response = await fetch(url, { credentials: 'same-origin', cache: key === url ? 'default' : 'reload' });
    if (!response.ok) throw new Error(`luxchat: ${url} answered ${response.status}`);
    await cache.put(key, response);
  }
}
