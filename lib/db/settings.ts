import { db } from './database';
import type { DataSaverSetting } from './types';

export const DEFAULT_MAX_EVENTS_PER_ROOM = 1_000;

export interface Settings {
  maxEventsPerRoom: number;
  dataSaver: DataSaverSetting;
  /** Notifications on this device: undefined until the user has been asked. */
  notifications?: boolean;
  /** The app lock was suggested on this phone and the user said "Not now". */
  lockSuggestionDismissed?: boolean;
}

/** The device's settings (the `settings` row of `kv`); this module is its only writer. */
export async function getSettings(): Promise<Settings> {
  const row = await db().kv.get('settings');
  return {
    maxEventsPerRoom: row?.key === 'settings' ? row.maxEventsPerRoom : DEFAULT_MAX_EVENTS_PER_ROOM,
    dataSaver: (row?.key === 'settings' && row.dataSaver) || 'auto',
    ...(row?.key === 'settings' && row.notifications !== undefined ? { notifications: row.notifications } : {}),
    ...(row?.key === 'settings' && row.lockSuggestionDismissed ? { lockSuggestionDismissed: true } : {}),
  };
}

export async function updateSettings(change: Partial<Settings>): Promise<void> {
  const d = db();
  await d.transaction('rw', d.kv, async () => {
    await d.kv.put({ key: 'settings', ...(await getSettings()), ...change });
  });
}
