'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { notificationsState, turnOffNotifications, turnOnNotifications, type NotificationsState } from '@/lib/actions/notifications';

/** The device's notifications: a switch, or why there is none. */
export function NotificationsSetting() {
  const t = useTranslations('settings');
  const [state, setState] = useState<NotificationsState | null>(null);
  useEffect(() => void notificationsState().then(setState), []);
  if (state === null) return null;
  if (state === 'unsupported' || state === 'blocked') {
    return (
      <p className="text-sm text-ink-muted" data-testid="notifications-unavailable">
        {t(state === 'blocked' ? 'notificationsBlocked' : 'notificationsUnsupported')}
      </p>
    );
  }
  // Shown as chosen at once; turning on then shows what the browser allowed.
  async function toggle(on: boolean) {
    setState(on ? 'on' : 'off');
    if (on) setState(await turnOnNotifications());
    else await turnOffNotifications();
  }
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name="notifications" checked={state === 'on'} onChange={(e) => void toggle(e.target.checked)} />
      <span>{t('notifications')}</span>
    </label>
  );
}
