// Notifications for new messages, shown by the service worker (the only way a notification
// can open the app again once the tab is gone). The syncing tab decides which messages notify;
// a notification shows only while no window of the app is on screen.
import { saveNotificationText } from '../db/notificationState';
import { PERIODIC_CHECK_TAG, type WorkerMessage } from '../sw/protocol';

export interface MessageNotification {
  roomId: string;
  title: string;
  body: string;
}

/** The words notifications use, in the page's language (set by the chat screen). */
export interface NotificationText {
  newMessage: string;
  photo: string;
  file: string;
  voice: string;
  video: string;
}

let text: NotificationText = { newMessage: 'New message', photo: 'Photo', file: 'File', voice: 'Voice message', video: 'Video' };

/** Also kept on the device for the service worker, which notifies with every tab closed. */
export function setNotificationText(next: NotificationText): void {
  text = next;
  void saveNotificationText({ lang: document.documentElement.lang, path: location.pathname, text: next }).catch(() => undefined);
}

export function notificationText(): NotificationText {
  return text;
}

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window && 'serviceWorker' in navigator;
}

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return notificationsSupported() ? Notification.permission : 'unsupported';
}

/** Asks the browser; only from a user's click (browsers refuse or penalise any other moment). */
export async function askNotificationPermission(): Promise<boolean> {
  if (!notificationsSupported()) return false;
  if (Notification.permission === 'default') await Notification.requestPermission();
  return Notification.permission === 'granted';
}

/**
 * Shows a message's notification unless this tab is on screen; the service worker also
 * leaves it out when another window of the app is.
 */
export async function showMessageNotification(notification: MessageNotification): Promise<void> {
  if (notificationPermission() !== 'granted' || document.visibilityState === 'visible') return;
  const registration = await navigator.serviceWorker.getRegistration();
  const message: WorkerMessage = {
    type: 'NOTIFY',
    notification: { ...notification, url: `${location.pathname}#/room/${encodeURIComponent(notification.roomId)}`, lang: document.documentElement.lang },
  };
  registration?.active?.postMessage(message);
}

/** A click on a notification asks the open app to show its room. */
export function onOpenRoomRequest(open: (roomId: string) => void): () => void {
  if (!notificationsSupported()) return () => {};
  const listener = (event: MessageEvent) => {
    const message = event.data as WorkerMessage | undefined;
    if (message?.type === 'OPEN_ROOM') open(message.roomId);
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}

interface PeriodicSyncRegistration extends ServiceWorkerRegistration {
  periodicSync?: {
    register(tag: string, options: { minInterval: number }): Promise<void>;
    unregister(tag: string): Promise<void>;
  };
}

/** Checks in the background at most this often (the browser decides when, from engagement). */
const CHECK_EVERY_MS = 15 * 60_000;

/**
 * With notifications on, the installed app checks for new messages now and then with every
 * tab closed (Periodic Background Sync: Chromium-based browsers, installed apps only). Elsewhere
 * the browser refuses, and notifications come while the app is open.
 */
export async function keepCheckingInBackground(on: boolean): Promise<void> {
  if (!notificationsSupported()) return;
  const registration = (await navigator.serviceWorker.getRegistration()) as PeriodicSyncRegistration | undefined;
  const periodic = registration?.periodicSync;
  if (!periodic) return;
  await (on ? periodic.register(PERIODIC_CHECK_TAG, { minInterval: CHECK_EVERY_MS }) : periodic.unregister(PERIODIC_CHECK_TAG)).catch(() => undefined);
}
