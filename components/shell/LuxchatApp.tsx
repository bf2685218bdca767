'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { appDatabasePresent } from '@/lib/db/present';
import { redirectsArrived } from '@/lib/i18n/redirects';
import { noteSignedIn, wasSignedIn } from '@/lib/signedInHint';
import { watchTheme } from '@/lib/theme';
import { LoginScreen } from '../session/LoginScreen';
import { lazyComponent } from '../ui/lazyComponent';
import { SESSION_CHANGED } from './sessionChange';
import { UpdatePrompt } from './UpdatePrompt';

const loadSignedInApp = () => import('./SignedInApp');
// Signed in when last seen: the chats' code starts loading before the page has even hydrated.
if (typeof window !== 'undefined' && wasSignedIn()) void loadSignedInApp().catch(() => undefined);

function Loading() {
  const t = useTranslations('app');
  return <p className="p-6 text-ink-muted">{t('loading')}</p>;
}

// Not React.lazy: see lazyComponent (this is the first screen of every signed-in start).
const SignedInApp = lazyComponent(() => loadSignedInApp().then((m) => m.SignedInApp), Loading);

type Device = 'checking' | 'signed-out' | 'has-database';

/**
 * The login screen needs neither Dexie nor the SDK: whether this device has the app's database
 * is asked without them, and only a device that has it loads the signed-in app.
 */
export function LuxchatApp() {
  const device = useDevice();
  const t = useTranslations('app');
  useEffect(() => watchTheme(), []);
  useEffect(redirectsArrived, []);
  return (
    <>
      {device === 'has-database' ? (
        <SignedInApp />
      ) : (
        // Signed out, or not known yet (and while pre-rendering): the login form, one element
        // throughout so that nothing typed is lost. Not known yet and signed in last time (the
        // head script's hint): "Loading…" shows instead until the chats do.
        <>
          {device === 'checking' && <p className="signed-in-only p-6 text-ink-muted">{t('loading')}</p>}
          <div className={device === 'checking' ? 'signed-out-only' : undefined}>
            <LoginScreen />
          </div>
        </>
      )}
      <UpdatePrompt />
    </>
  );
}

/** Looked at again when this tab signs in or regains focus (a sign-in in another tab). */
function useDevice(): Device {
  const [device, setDevice] = useState<Device>('checking');
  useEffect(() => {
    if (wasSignedIn()) setDevice('has-database');
    let stale = false;
    const check = () =>
      void appDatabasePresent().then((present) => {
        // A browser that cannot list its databases loads the signed-in app to find out.
        if (!stale) setDevice((now) => (now === 'has-database' || present !== false ? 'has-database' : 'signed-out'));
      });
    check();
    window.addEventListener('focus', check);
    window.addEventListener(SESSION_CHANGED, check);
    return () => {
      stale = true;
      window.removeEventListener('focus', check);
      window.removeEventListener(SESSION_CHANGED, check);
    };
  }, []);
  useEffect(() => {
    if (device === 'signed-out') noteSignedIn(false);
  }, [device]);
  return device;
}
