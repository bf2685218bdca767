'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { notificationsState, turnOffNotifications, turnOnNotifications } from '@/lib/actions/notifications';
import { MESSAGE_SENT } from '../composer/messageSent';
import { PromptBanner } from '../ui/PromptBanner';

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
    <PromptBanner
      title={t('promptTitle')}
      text={t('promptText')}
      testId="notification-prompt"
      accept={{ label: t('turnOn'), onClick: () => void turnOnNotifications().finally(() => setShown(false)) }}
      decline={{ label: t('notNow'), onClick: () => void turnOffNotifications().finally(() => setShown(false)) }}
    />
  );
}
