'use client';
import { useTranslations } from 'next-intl';
import { ChatScreen } from './ChatScreen';
import { useSession } from './hooks';
import { LoginScreen } from './LoginScreen';

/** Signed in or not is whatever Dexie says: the login screen writes the session row. */
export function LuxchatApp() {
  const session = useSession();
  const t = useTranslations('app');
  if (session === undefined) {
    return <p className="p-6 text-slate-500">{t('loading')}</p>;
  }
  return session ? <ChatScreen session={session} /> : <LoginScreen />;
}
