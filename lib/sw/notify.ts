/// <reference lib="webworker" />
// The service worker's part in notifications: it shows them (so that a click can open the
// app even after its tab has closed) and takes the user to the room on a click.
import type { WorkerMessage, WorkerNotification } from './protocol';

declare const self: ServiceWorkerGlobalScope;

/** Shown unless a window of the app other than the asking one (which knows it is hidden) is on screen. */
export async function showUnlessOnScreen(notification: WorkerNotification, askingClientId: string | undefined): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (windows.some((w) => w.id !== askingClientId && w.visibilityState === 'visible')) return;
  await self.registration.showNotification(notification.title, {
    body: notification.body,
    // One notification per room: a newer message replaces the older one.
    tag: notification.roomId,
    lang: notification.lang,
    icon: '/icons/icon-192.png',
    data: { roomId: notification.roomId, url: notification.url },
  });
}

/** The room of a clicked notification, in the open app if there is one, else in a new window. */
export async function openNotifiedRoom(notification: Notification): Promise<void> {
  notification.close();
  const data = notification.data as { roomId?: unknown; url?: unknown } | null;
  if (typeof data?.roomId !== 'string' || typeof data.url !== 'string') return;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const target = windows.find((w) => w.focused) ?? windows.find((w) => w.visibilityState === 'visible') ?? windows[0];
  if (!target) {
    await self.clients.openWindow(data.url);
    return;
  }
  const message: WorkerMessage = { type: 'OPEN_ROOM', roomId: data.roomId };
  target.postMessage(message);
  // Allowed only from a real click (user activation).
  await target.focus().catch(() => undefined);
}
