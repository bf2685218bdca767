import { db } from './database';
import type { NotificationTextRow, NotifiedRow } from './types';

/**
 * The `notificationText` row of `kv` (written by the page, in its language) and the
 * `notified` row (written by the service worker's periodic check); this module is their only
 * writer.
 */
export async function getNotificationText(): Promise<NotificationTextRow | null> {
  const row = await db().kv.get('notificationText');
  return row?.key === 'notificationText' ? row : null;
}

export async function saveNotificationText(row: Omit<NotificationTextRow, 'key'>): Promise<void> {
  await db().kv.put({ key: 'notificationText', ...row });
}

export async function lastNotified(): Promise<Record<string, string>> {
  const row = await db().kv.get('notified');
  return row?.key === 'notified' ? row.rooms : {};
}

export async function recordNotified(roomId: string, eventId: string): Promise<void> {
  const d = db();
  await d.transaction('rw', d.kv, async () => {
    const row = await d.kv.get('notified');
    const rooms = row?.key === 'notified' ? row.rooms : {};
    await d.kv.put({ key: 'notified', rooms: { ...rooms, [roomId]: eventId } } satisfies NotifiedRow);
  });
}
