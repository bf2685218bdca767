'use client';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { cacheAppForOffline } from '@/lib/pwa/appCache';
import { startEarlyReads } from '@/lib/db/earlyReads';
import { noteSignedIn } from '@/lib/signedInHint';
import { ChatScreen } from './ChatScreen';
import { useAppLock, useLocked, useSession, useSigningOut } from '../hooks';
import { LockScreen } from '../lock/LockScreen';
import { useIdleLock } from '../lock/useIdleLock';
import { SyncEngine } from './SyncEngine';
import { watchAppLockChanges } from '@/lib/actions/appLock';
import { LoginScreen } from '../session/LoginScreen';

// This chunk loads while the page hydrates: the database opens, and the first screen's data is
// read, meanwhile, not after. The mark is also how the build finds this chunk, to request it with
// the page's scripts on a signed-in device (scripts/scripts-after-paint.mjs).
if (typeof window !== 'undefined') {
  performance.mark('luxchat:signed-in-app-loaded');
  startEarlyReads();
}

/**
 * The app on a device that has its database: whatever Dexie's session row says (the chats,
 * or the login form should the row be gone). Loaded apart from the login screen, which must
 * not carry Dexie.
 */
export function SignedInApp() {
  const session = useSession();
  const signingOut = useSigningOut();
  const t = useTranslations('app');
  // The app lock (lib/lock): its row (settings) and whether this tab shows the lock screen.
  const lock = useAppLock();
  const locked = useLocked();
  useIdleLock(lock && !locked ? lock.idleMinutes : undefined);
  // Turned on or off in another tab: this one starts again (to ask for the key, or to drop it).
  useEffect(() => watchAppLockChanges(() => location.reload()), []);
  const signedIn = session === undefined ? undefined : session !== null;
  useEffect(() => {
    if (signedIn === undefined) return;
    noteSignedIn(signedIn);
    if (signedIn) cacheAppForOffline();
  }, [signedIn]);
  if (signingOut) {
    return (
      <p className="p-6 text-ink-muted" role="status" data-testid="signing-out">
        {t('signingOut')}
      </p>
    );
  }
  // Locked: nothing of the chats is on the page; the sync goes on where the key is known.
  if (locked) {
    return (
      <>
        {session && <SyncEngine session={session} />}
        <LockScreen />
      </>
    );
  }
  if (session) {
    return (
      <>
        <SyncEngine session={session} />
        <ChatScreen session={session} />
      </>
    );
  }
  if (session === null) return <LoginScreen />;
  return <p className="p-6 text-ink-muted">{t('loading')}</p>;
}
