'use client';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { redirectsArrived } from '@/lib/i18n/redirects';
import { noteSignedIn } from '@/lib/signedInHint';
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
  useEffect(redirectsArrived, []);
  const signedIn = session === undefined ? undefined : session !== null;
  useEffect(() => {
    if (signedIn !== undefined) noteSignedIn(signedIn);
  }, [signedIn]);
  return (
    <>
      {signingOut ? (
        <p className="p-6 text-ink-muted" role="status" data-testid="signing-out">
          {t('signingOut')}
        </p>
      ) : session ? (
        <ChatScreen session={session} />
      ) : (
        // Signed out, or not known yet (and while pre-rendering): the login form, one element
        // throughout so that nothing typed is lost. Not known yet and signed in last time (the
        // head script's hint): "Loading…" shows instead until the chats do.
        <>
          {session === undefined && <p className="signed-in-only p-6 text-ink-muted">{t('loading')}</p>}
          <div className={session === undefined ? 'signed-out-only' : undefined}>
            <LoginScreen />
          </div>
        </>
      )}
      <UpdatePrompt />
    </>
  );
}
