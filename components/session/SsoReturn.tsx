'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { LoginError } from '@/lib/actions/errors';
import { noteSignedIn } from '@/lib/signedInHint';
import { LogoScreen } from '../ui/LogoScreen';

let completing: Promise<void> | null = null;

/** The login token is single-use: however often the page's effect runs, it is sent once. */
function completeOnce(): Promise<void> {
  if (!completing) {
    const search = location.search;
    history.replaceState(null, '', location.pathname);
    completing = import('@/lib/actions/login').then(({ completeSso }) => completeSso(search));
  }
  return completing;
}

/**
 * The end of single sign-on: exchanges the login token in the address for a session, then opens
 * the app. The token leaves the address bar (and the history) before anything else happens.
 */
export function SsoReturn() {
  const t = useTranslations('login');
  const locale = useLocale();
  const [error, setError] = useState<LoginError | null>(null);
  useEffect(() => {
    let stale = false;
    void completeOnce()
      .then(
        () => {
          noteSignedIn(true);
          location.replace(`/${locale}/`);
        },
        (err: unknown) => {
          if (!stale) setError(err instanceof LoginError ? err : new LoginError('ssoFailed'));
        },
      );
    return () => {
      stale = true;
    };
  }, [locale]);
  return (
    <LogoScreen title={t('title')}>
      {error ? (
        <>
          <p role="alert" data-testid="login-error" className="rounded bg-danger-soft px-3 py-2 text-sm text-danger">
            {t(`errors.${error.code}`, { seconds: error.retryAfterSeconds ?? 0 })}
          </p>
          <a href={`/${locale}/`} className="rounded bg-brand px-4 py-2 text-center font-medium text-white hover:bg-brand-strong">
            {t('sso.backToLogin')}
          </a>
        </>
      ) : (
        <p role="status" className="text-ink-muted">
          {t('sso.finishing')}
        </p>
      )}
    </LogoScreen>
  );
}
