'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { addPasskey, disableAppLock, enableAppLock, lockNow, MIN_SECRET_LENGTH, passkeyAvailable, removePasskey, updateLockSettings } from '@/lib/actions/appLock';
import { useAppLock } from '../hooks';

const IDLE_MINUTES = [1, 5, 15, 60];
const MAX_ATTEMPTS = [5, 10, 20];

/** The app lock: turned on with a PIN or passphrase; then its settings, "Lock now", and off. */
export function AppLockSettings({ userId }: { userId: string }) {
  const t = useTranslations('lock');
  const lock = useAppLock();
  const [canPasskey, setCanPasskey] = useState(false);
  const [passkeyRefused, setPasskeyRefused] = useState(false);
  useEffect(() => void passkeyAvailable().then(setCanPasskey), []);
  const [problem, setProblem] = useState<'tooShort' | 'mismatch' | null>(null);
  const [busy, setBusy] = useState(false);
  const [idle, setIdle] = useState(5);
  const [attempts, setAttempts] = useState(10);
  if (lock === undefined) return null;

  async function turnOn(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields = new FormData(e.currentTarget);
    const secret = String(fields.get('lockSecret') ?? '');
    if (secret.length < MIN_SECRET_LENGTH) return setProblem('tooShort');
    if (secret !== String(fields.get('lockSecretAgain') ?? '')) return setProblem('mismatch');
    setProblem(null);
    setBusy(true);
    try {
      await enableAppLock(secret, { idleMinutes: idle, maxAttempts: attempts });
    } finally {
      setBusy(false);
    }
  }

  const choices = (
    <>
      <Choice
        label={t('idle')}
        name="lockIdle"
        value={lock ? lock.idleMinutes : idle}
        options={IDLE_MINUTES}
        format={(count) => t('idleOption', { count })}
        onChange={(idleMinutes) => (lock ? void updateLockSettings({ idleMinutes }) : setIdle(idleMinutes))}
      />
      <Choice
        label={t('maxAttempts')}
        name="lockAttempts"
        value={lock ? lock.maxAttempts : attempts}
        options={MAX_ATTEMPTS}
        format={(count) => t('attemptsOption', { count })}
        onChange={(maxAttempts) => (lock ? void updateLockSettings({ maxAttempts }) : setAttempts(maxAttempts))}
      />
    </>
  );

  return (
    <section className="flex flex-col gap-2 text-sm" aria-labelledby="app-lock-title" data-testid="app-lock-settings">
      <h3 id="app-lock-title" className="font-medium">
        {t('settingsTitle')}
      </h3>
      <p className="text-ink-muted">{t('settingsText')}</p>
      {lock ? (
        <>
          <p role="status">{t('isOn')}</p>
          {choices}
          {lock.passkey ? (
            <div className="flex flex-col gap-1">
              <p data-testid="passkey-on">{t('passkeyOn')}</p>
              <button type="button" className="self-start rounded border border-line px-3 py-1" onClick={() => void removePasskey()}>
                {t('passkeyRemove')}
              </button>
            </div>
          ) : (
            canPasskey && (
              <button
                type="button"
                className="self-start rounded border border-line px-3 py-1"
                onClick={() => {
                  setPasskeyRefused(false);
                  void addPasskey({ id: userId, name: userId })
                    .catch(() => false)
                    .then((added) => setPasskeyRefused(!added));
                }}
              >
                {t('passkeyAdd')}
              </button>
            )
          )}
          {passkeyRefused && (
            <p role="alert" className="rounded bg-danger-soft px-3 py-2 text-danger">
              {t('passkeyUnavailable')}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <button type="button" className="rounded bg-brand px-3 py-1 text-white" onClick={() => lockNow()}>
              {t('lockNow')}
            </button>
            <button
              type="button"
              disabled={busy}
              className="rounded border border-line px-3 py-1 disabled:opacity-60"
              onClick={() => {
                setBusy(true);
                void disableAppLock().finally(() => setBusy(false));
              }}
            >
              {t('turnOff')}
            </button>
          </div>
        </>
      ) : (
        <form className="flex flex-col gap-2" onSubmit={turnOn} noValidate>
          <label className="flex flex-col gap-1">
            <span>{t('newSecret', { min: MIN_SECRET_LENGTH })}</span>
            <input name="lockSecret" type="password" autoComplete="new-password" className="rounded border border-line px-2 py-1" />
          </label>
          <label className="flex flex-col gap-1">
            <span>{t('repeatSecret')}</span>
            <input name="lockSecretAgain" type="password" autoComplete="new-password" className="rounded border border-line px-2 py-1" />
          </label>
          {choices}
          {problem && (
            <p role="alert" className="rounded bg-danger-soft px-3 py-2 text-danger">
              {problem === 'tooShort' ? t('tooShort', { min: MIN_SECRET_LENGTH }) : t('mismatch')}
            </p>
          )}
          <button type="submit" disabled={busy} className="self-start rounded bg-brand px-3 py-1 text-white disabled:opacity-60">
            {busy ? t('turningOn') : t('turnOn')}
          </button>
        </form>
      )}
    </section>
  );
}

function Choice({ label, name, value, options, format, onChange }: { label: string; name: string; value: number; options: number[]; format: (n: number) => string; onChange: (n: number) => void }) {
  return (
    <label className="flex flex-col gap-1">
      <span>{label}</span>
      <select name={name} className="rounded border border-line px-2 py-1" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {options.map((n) => (
          <option key={n} value={n}>
            {format(n)}
          </option>
        ))}
      </select>
    </label>
  );
}
