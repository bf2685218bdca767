'use client';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { unlock, unlockWithPasskey } from '@/lib/actions/appLock';
import { useAppLock } from '../hooks';
import { LogoScreen } from '../ui/LogoScreen';
import { announceSessionChange } from '../shell/sessionChange';

/** All a locked app shows: the PIN or passphrase, and what a wrong one costs. */
export function LockScreen() {
  const t = useTranslations('lock');
  const [busy, setBusy] = useState(false);
  const [attemptsLeft, setAttemptsLeft] = useState<number | null>(null);
  const [passkeyFailed, setPasskeyFailed] = useState(false);
  const passkey = useAppLock()?.passkey;

  async function withDevice() {
    setBusy(true);
    setPasskeyFailed(false);
    if (await unlockWithPasskey().catch(() => false)) {
      announceSessionChange();
      return;
    }
    setPasskeyFailed(true);
    setBusy(false);
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const secret = String(new FormData(form).get('secret') ?? '');
    if (!secret) return;
    setBusy(true);
    const result = await unlock(secret);
    if (result.ok) {
      // The session could not be read while locked: the app looks for it again.
      announceSessionChange();
      return;
    }
    if ('attemptsLeft' in result) {
      setAttemptsLeft(result.attemptsLeft);
      form.reset();
      setBusy(false);
    }
  }

  return (
    <LogoScreen title={t('title')} testId="lock-screen">
      <form className="flex flex-col gap-4" onSubmit={submit}>
        <label className="flex flex-col gap-1">
          <span className="text-sm font-medium">{t('secret')}</span>
          <input
            className="w-full rounded border border-line px-3 py-2 focus:border-brand focus:outline-none"
            name="secret"
            type="password"
            autoComplete="off"
            autoFocus
            aria-describedby="lock-prompt"
          />
          <span id="lock-prompt" className="text-xs text-ink-muted">
            {t('prompt')}
          </span>
        </label>
        {attemptsLeft !== null && (
          <p role="alert" data-testid="lock-error" className="rounded bg-danger-soft px-3 py-2 text-sm text-danger">
            {t('wrong', { count: attemptsLeft })}
          </p>
        )}
        <button type="submit" disabled={busy} className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-strong disabled:opacity-60">
          {busy ? t('unlocking') : t('unlock')}
        </button>
      </form>
      {passkey && (
        <button type="button" disabled={busy} onClick={() => void withDevice()} className="rounded border border-line px-4 py-2 font-medium disabled:opacity-60">
          {t('passkeyUnlock')}
        </button>
      )}
      {passkeyFailed && (
        <p role="alert" className="rounded bg-danger-soft px-3 py-2 text-sm text-danger">
          {t('passkeyFailed')}
        </p>
      )}
    </LogoScreen>
  );
}
