// The service worker caches the chat screens, SDK and crypto WASM only once someone signs in
// (a first visit to the login screen stays light); the page says when.
import type { WorkerMessage } from '../sw/protocol';

let asked = false;

/** Called when the user starts signing in, and on each signed-in start (idempotent). */
export function cacheAppForOffline(): void {
  if (asked || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  asked = true;
  const message: WorkerMessage = { type: 'CACHE_APP' };
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(message));
}
