'use client';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { listDevices, renameDevice, signOutDevice, type DeviceInfo } from '@/lib/actions/devices';
import { resetRecoveryKey } from '@/lib/actions/encryption';
import { useActionError } from '../ui/useActionError';
import { VerifiedBadge } from '../encryption/VerifiedBadge';
import { ErrorNote } from '../ui/ErrorNote';

/** The account's devices: verification state, rename, sign out; and the recovery key reset. */
export function DevicesSection() {
  const t = useTranslations('devices');
  const tEnc = useTranslations('encryption');
  const [devices, setDevices] = useState<DeviceInfo[] | null>(null);
  const { error, run } = useActionError();
  const reload = useCallback(async () => {
    const list = await run(listDevices);
    if (list) setDevices(list);
  }, [run]);
  useEffect(() => {
    void reload();
    // Once, when the settings open; `run` changes identity each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section className="flex flex-col gap-2" aria-label={t('title')}>
      <h3 className="font-medium">{t('title')}</h3>
      {!devices && !error && <p className="text-sm text-ink-muted">{t('loading')}</p>}
      <ul className="flex max-h-56 flex-col gap-2 overflow-y-auto" data-testid="devices">
        {devices?.map((d) => <DeviceRow key={d.deviceId} device={d} onChanged={reload} />)}
      </ul>
      <ErrorNote error={error} />
      <button className="self-start text-sm text-link underline" onClick={() => void run(resetRecoveryKey)}>
        {tEnc('resetKey')}
      </button>
    </section>
  );
}

function DeviceRow({ device, onChanged }: { device: DeviceInfo; onChanged: () => Promise<void> }) {
  const t = useTranslations('devices');
  const [mode, setMode] = useState<'view' | 'rename' | 'signOut'>('view');
  const [value, setValue] = useState('');
  const { error, run } = useActionError();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      if (mode === 'rename') await renameDevice(device.deviceId, value);
      else await signOutDevice(device.deviceId, value);
      return true;
    });
    if (ok) {
      setMode('view');
      await onChanged();
    }
  }

  return (
    <li className="rounded border border-line p-2 text-sm" data-device-id={device.deviceId}>
      <div className="flex items-center justify-between gap-2">
        <span className="truncate">
          <span className="font-medium">{device.displayName}</span>{' '}
          <span className="text-ink-muted">
            {device.deviceId}
            {device.current && ` · ${t('current')}`}
          </span>
        </span>
        <VerifiedBadge verified={device.verified} testId="device-verification" warn />
      </div>
      {mode === 'view' ? (
        <div className="mt-1 flex gap-3">
          <button
            className="text-link underline"
            onClick={() => {
              setValue(device.displayName);
              setMode('rename');
            }}
          >
            {t('rename')}
          </button>
          {!device.current && (
            <button
              className="text-danger underline"
              onClick={() => {
                setValue('');
                setMode('signOut');
              }}
            >
              {t('signOut')}
            </button>
          )}
        </div>
      ) : (
        <form className="mt-1 flex flex-wrap items-end gap-2" onSubmit={submit}>
          <label className="flex flex-1 flex-col gap-1">
            <span className="sr-only">{mode === 'rename' ? t('rename') : t('password')}</span>
            <input
              className="rounded border border-line px-2 py-1"
              type={mode === 'signOut' ? 'password' : 'text'}
              placeholder={mode === 'signOut' ? t('password') : undefined}
              aria-label={mode === 'rename' ? t('rename') : t('password')}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              autoFocus
            />
          </label>
          <button type="submit" className="rounded border border-line px-2 py-1">
            {mode === 'rename' ? t('save') : t('signOut')}
          </button>
          <button type="button" className="px-2 py-1 text-ink-muted" onClick={() => setMode('view')}>
            {t('cancel')}
          </button>
        </form>
      )}
      <ErrorNote error={error} />
    </li>
  );
}
