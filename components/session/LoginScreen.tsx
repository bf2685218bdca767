'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { dismissSessionEndedNotice, sessionEndedNotice } from '@/lib/actions/sessionEndedNotice';
import { LoginError } from '@/lib/actions/errors';
import { cacheAppForOffline } from '@/lib/pwa/appCache';
import { announceSessionChange } from '../shell/sessionChange';
import { LanguageSwitcher } from '../settings/LanguageSwitcher';
import { LogoScreen } from '../ui/LogoScreen';
import { useHydrated } from '../ui/useHydrated';
import { SsoButtons } from './SsoButtons';
import { useLoginOptions } from './useLoginOptions';

// A deployment that names its homeserver has the login screen ask it at once how users sign in;
// otherwise it asks whichever server is typed.
const CONFIGURED_HOMESERVER = process.env.NEXT_PUBLIC_DEFAULT_HOMESERVER;
const DEFAULT_HOMESERVER = CONFIGURED_HOMESERVER ?? 'luxchat.lu';

// Signing in needs the SDK and the database, which the login screen itself does without: they
// load once the user starts filling the form.
const loadLogin = () => import('@/lib/actions/login');

function startedSigningIn() {
  void loadLogin().catch(() => undefined);
  cacheAppForOffline();
}

export function LoginScreen() {
  const t = useTranslations('login');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LoginError | null>(null);
  // Read after hydration: the pre-rendered page cannot know it.
  const [ended, setEnded] = useState(false);
  useEffect(() => setEnded(sessionEndedNotice()), []);
  // The pre-rendered form submits only once the app runs: never as a plain GET with the password in the URL.
  const ready = useHydrated();
  const { flows, lookUp } = useLoginOptions();
  const homeserverField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // What was typed before the app ran, or the deployment's own server.
    const typed = homeserverField.current?.value ?? '';
    if (typed && (CONFIGURED_HOMESERVER || typed !== DEFAULT_HOMESERVER)) lookUp(typed, true);
  }, [lookUp]);
  const passwordOffered = !flows || flows.password;
  const noMethod = flows && !flows.password && !flows.sso.length;

  // The fields are the browser's own (uncontrolled): what someone types into the pre-rendered
  // form before the app runs stays there, and is read when they submit.
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields = new FormData(e.currentTarget);
    const field = (name: string) => String(fields.get(name) ?? '');
    const [homeserver, username, password] = [field('homeserver'), field('username'), field('password')];
    setBusy(true);
    setError(null);
    try {
      const { login } = await loadLogin();
      await login({ homeserver, username, password });
      dismissSessionEndedNotice();
      announceSessionChange();
    } catch (err) {
      setError(err instanceof LoginError ? err : new LoginError('serverError'));
      setBusy(false);
    }
  }

  const input = 'w-full rounded border border-line px-3 py-2 focus:border-brand focus:outline-none';
  return (
    <LogoScreen title={t('title')}>
      {ended && (
        <p role="status" data-testid="session-ended-notice" className="rounded bg-warning-soft px-3 py-2 text-sm text-warning">
          {t('sessionEnded')}
        </p>
      )}
      <form className="flex flex-col gap-4" onSubmit={submit} onFocus={ready ? startedSigningIn : undefined} noValidate>
        <label className="flex flex-col gap-1">
          <span className="text-sm font-medium">{t('homeserver')}</span>
          <input
            ref={homeserverField}
            className={input}
            name="homeserver"
            defaultValue={DEFAULT_HOMESERVER}
            onChange={(e) => lookUp(e.currentTarget.value)}
            onBlur={(e) => lookUp(e.currentTarget.value, true)}
            autoCapitalize="none"
            autoCorrect="off"
            inputMode="url"
            aria-describedby="homeserver-hint"
          />
          <span id="homeserver-hint" className="text-xs text-ink-muted">
            {t('homeserverHint')}
          </span>
        </label>
        {flows && flows.sso.length > 0 && (
          <>
            <SsoButtons flows={flows} />
            {flows.password && (
              <p className="text-center text-sm text-ink-muted" aria-hidden="true">
                {t('sso.or')}
              </p>
            )}
          </>
        )}
        {noMethod && (
          <p role="alert" data-testid="login-error" className="rounded bg-danger-soft px-3 py-2 text-sm text-danger">
            {t('errors.noLoginMethod')}
          </p>
        )}
        {passwordOffered && (
          <>
            <label className="flex flex-col gap-1">
              <span className="text-sm font-medium">{t('username')}</span>
              <input className={input} name="username" autoCapitalize="none" autoComplete="username" />
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-sm font-medium">{t('password')}</span>
              <input className={input} name="password" type="password" autoComplete="current-password" />
            </label>
            {error && (
              <p role="alert" data-testid="login-error" className="rounded bg-danger-soft px-3 py-2 text-sm text-danger">
                {t(`errors.${error.code}`, { seconds: error.retryAfterSeconds ?? 0 })}
              </p>
            )}
            <button
              type="submit"
              disabled={busy || !ready}
              className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-strong disabled:opacity-60"
            >
              {busy ? t('submitting') : t('submit')}
            </button>
          </>
        )}
      </form>
      <LanguageSwitcher />
    </LogoScreen>
  );
}
