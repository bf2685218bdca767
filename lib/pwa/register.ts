import { Workbox } from 'workbox-window';
import { OUTBOX_SYNC_TAG } from '../sw/protocol';

let workbox: Workbox | null = null;

/**
 * Registers the service worker (production builds only). `onUpdate` is called when a new
 * version waits; its argument activates it and reloads the page.
 */
export function registerServiceWorker(onUpdate: (activate: () => void) => void): void {
  if (workbox || process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
  workbox = new Workbox('/sw.js', { scope: '/' });
  const wb = workbox;
  wb.addEventListener('waiting', () =>
    onUpdate(() => {
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    }),
  );
  // Look for a new version whenever the app comes back to the foreground.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb.update();
  });
  wb.register().catch((e: unknown) => console.warn('luxchat: service worker not registered', e));
}

interface SyncRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/**
 * Asks the browser to wake the service worker to flush the outbox once it is online, even if
 * every tab is closed by then (Chromium's Background Sync; elsewhere the page flushes itself).
 */
export async function requestBackgroundFlush(): Promise<void> {
  if (!('serviceWorker' in navigator) || !navigator.serviceWorker.controller) return;
  const registration = (await navigator.serviceWorker.ready) as SyncRegistration;
  await registration.sync?.register(OUTBOX_SYNC_TAG).catch(() => undefined);
}
