// Notifications on this device: the browser's permission, asked only from a click, and the
// device's own on/off (a permission cannot be taken back from a page).
import { getSettings, updateSettings } from '../db/settings';
import { askNotificationPermission, keepCheckingInBackground, notificationPermission } from '../pwa/notifications';

export type NotificationsState = 'on' | 'off' | 'not-asked' | 'blocked' | 'unsupported';

export async function notificationsState(): Promise<NotificationsState> {
  const permission = notificationPermission();
  if (permission === 'unsupported') return 'unsupported';
  if (permission === 'denied') return 'blocked';
  const { notifications } = await getSettings();
  if (notifications === undefined) return 'not-asked';
  return notifications && permission === 'granted' ? 'on' : 'off';
}

/** Turns them on, asking the browser first; resolves to the state that results. */
export async function turnOnNotifications(): Promise<NotificationsState> {
  const granted = await askNotificationPermission();
  if (granted) await updateSettings({ notifications: true });
  void keepCheckingInBackground(granted);
  return notificationsState();
}

/** Off on this device (also "not now" to the prompt: it is not shown again). */
export async function turnOffNotifications(): Promise<void> {
  await updateSettings({ notifications: false });
  void keepCheckingInBackground(false);
}

/** At each start: the background check follows the device's choice (an installed app may now allow it). */
export async function renewBackgroundCheck(): Promise<void> {
  await keepCheckingInBackground((await notificationsState()) === 'on');
}
