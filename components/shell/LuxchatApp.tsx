'use client';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { watchTheme } from '@/lib/theme';
import { ChatScreen } from './ChatScreen';
import { useSession, useSigningOut } from '../hooks';
import { LoginScreen } from '../session/LoginScreen';
import { UpdatePrompt } from './UpdatePrompt';

/** Signed in or not is whatever Dexie says: the login screen writes the session row. */
export function LuxchatApp() {
  const session = useSession();
  const signingOut = useSigningOut();
  const t = useTranslations('app');
  useEffect(() => watchTheme(), []);
  return (
    <>
      {signingOut ? (
        <p className="p-6 text-ink-muted" role="status" data-testid="signing-out">
          {t('signingOut')}
        </p>
      ) : session === undefined ? (
        <p className="p-6 text-ink-muted">{t('loading')}</p>
      ) : session ? (
        <ChatScreen session={session} />
      ) : (
        <LoginScreen />
      )}
      <UpdatePrompt />
    </>
  );
}
