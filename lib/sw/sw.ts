/// <reference lib="webworker" />
// The service worker: precaches the static build (the app shell on a first visit, the chat
// screens, SDK and crypto .wasm once someone signs in) so every route of every locale opens
// offline, waits for the user before an update takes over, and flushes the outbox's
// unencrypted rows on Background Sync. Built by scripts/build-sw.mjs after next build.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches } from 'workbox-precaching';
import { flushFromWorker } from './workerFlush';
import { OUTBOX_SYNC_TAG, PERIODIC_CHECK_TAG, type WorkerMessage } from './protocol';
import { checkForNewMessages } from './periodicCheck';
import { receiveShare, SHARE_PATH } from './shareTarget';
import { precacheInTwoParts, type PrecacheEntry } from './precache';
import { openNotifiedRoom, showUnlessOnScreen } from './notify';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: PrecacheEntry[] };
declare const __BUILD_ID__: string;
/** The app shell's files (scripts/build-sw.mjs). */
declare const __SHELL__: string[];

// Files shared from another app (the manifest's share_target): before the precache's routes,
// which answer GET requests only.
self.addEventListener('fetch', (event: FetchEvent) => {
  const url = new URL(event.request.url);
  if (event.request.method === 'POST' && url.origin === self.location.origin && url.pathname === SHARE_PATH) {
    event.respondWith(receiveShare(event.request));
  }
});

const precache = precacheInTwoParts(self.__WB_MANIFEST, __SHELL__);
self.addEventListener('install', (event) => precache.install(event));
self.addEventListener('activate', (event) => precache.activate(event));
cleanupOutdatedCaches();
// The first version takes the open pages at once; later ones wait for the user (SKIP_WAITING).
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const message = event.data as WorkerMessage | undefined;
  if (message?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (message?.type === 'GET_VERSION') event.ports[0]?.postMessage(__BUILD_ID__);
  if (message?.type === 'APP_CACHED') event.waitUntil(precache.appCached().then((all) => event.ports[0]?.postMessage(all)));
  if (message?.type === 'NOTIFY') event.waitUntil(showUnlessOnScreen(message.notification, (event.source as Client | null)?.id));
  if (message?.type === 'CACHE_APP') event.waitUntil(precache.cacheApp().catch((e: unknown) => console.warn('luxchat: app not cached yet', e)));
});

self.addEventListener('notificationclick', (event: NotificationEvent) => {
  const done = openNotifiedRoom(event.notification);
  try {
    event.waitUntil(done);
  } catch {
    // An event dispatched by a test rather than the browser cannot be extended.
  }
});

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

self.addEventListener('sync', (event: Event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== OUTBOX_SYNC_TAG) return;
  sync.waitUntil(
    flushFromWorker().then((done) => {
      // Rejecting asks the browser to fire the sync again later.
      if (!done) throw new Error('outbox not empty yet');
    }),
  );
});

interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string;
}

self.addEventListener('periodicsync', (event: Event) => {
  const periodic = event as PeriodicSyncEvent;
  if (periodic.tag === PERIODIC_CHECK_TAG) periodic.waitUntil(checkForNewMessages().catch((e: unknown) => console.warn('luxchat: background check failed', e)));
});
