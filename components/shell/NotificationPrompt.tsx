'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { notificationsState, turnOffNotifications, turnOnNotifications } from '@/lib/actions/notifications';
import { MESSAGE_SENT } from '../composer/messageSent';

/** Offers notifications once, after the user's first message on this device; "Not now" is final (Settings can still turn them on). */
export function NotificationPrompt() {
  const t = useTranslations('notifications');
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const offer = () => void notificationsState().then((state) => setShown(state === 'not-asked'));
    window.addEventListener(MESSAGE_SENT, offer);
    return () => window.removeEventListener(MESSAGE_SENT, offer);
  }, []);
  if (!shown) return null;
  return (
    <div role="region" aria-label={t('promptTitle')} data-testid="notification-prompt" className="flex flex-col gap-2 border-b border-line bg-surface-alt p-3 text-sm">
      <p>{t('promptText')}</p>
      <div className="flex gap-2">
        <button
          className="rounded bg-brand px-3 py-1 text-white"
          onClick={() => void turnOnNotifications().finally(() => setShown(false))}
        >
          {t('turnOn')}
        </button>
        <button className="rounded border border-line px-3 py-1" onClick={() => void turnOffNotifications().finally(() => setShown(false))}>
          {t('notNow')}
        </button>
      </div>
    </div>
  );
}
