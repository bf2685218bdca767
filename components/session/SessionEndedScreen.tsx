'use client';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { giveUpSession, signInAgain } from '@/lib/actions/session';
import type { SessionRow } from '@/lib/db/types';
import { LoginError } from '@/lib/actions/errors';
import { ErrorNote } from '../ui/ErrorNote';

/**
 * The homeserver ended the session but let this device keep its data (soft logout): signing
 * in again keeps the history, the encryption keys and the messages waiting to be sent.
 */
export function SessionEndedScreen({ session }: { session: SessionRow }) {
  const t = useTranslations('sessionEnded');
  const tLogin = useTranslations('login');
  const tChat = useTranslations('chat');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signInAgain(password);
    } catch (err) {
      setError(tLogin(`errors.${err instanceof LoginError ? err.code : 'serverError'}`, { seconds: err instanceof LoginError ? (err.retryAfterSeconds ?? 0) : 0 }));
      setBusy(false);
    }
  }

  async function leave() {
    setBusy(true);
    await giveUpSession();
    location.replace(location.pathname);
  }

  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-4 p-6" data-testid="session-ended">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p>{t('softText', { userId: session.userId })}</p>
      <form className="flex flex-col gap-3" onSubmit={submit} noValidate>
        <label className="flex flex-col gap-1">
          <span className="text-sm font-medium">{tLogin('password')}</span>
          <input
            className="w-full rounded border border-line px-3 py-2"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorNote error={error} testId="session-ended-error" />
        <button type="submit" disabled={busy} className="rounded bg-brand px-4 py-2 font-medium text-white disabled:opacity-60">
          {t('signIn')}
        </button>
      </form>
      <button disabled={busy} className="self-start text-sm text-ink-muted underline" onClick={leave}>
        {tChat('logout')}
      </button>
    </main>
  );
}
