'use client';
import { useTranslations } from 'next-intl';
import { retrySync } from '@/lib/actions/session';
import { useConnection, useStorageHealthy } from '../hooks';

/**
 * Shown only when something is not normal: offline, connecting, a sync that could not start,
 * messages still waiting, storage refusing writes, or the data saver on.
 */
export function ConnectionStatus() {
  const t = useTranslations('status');
  const info = useConnection();
  const storageOk = useStorageHealthy();
  if (!info) return null;
  const parts = [];
  if (info.state !== 'online') parts.push(t(info.state));
  if (info.waiting > 0) parts.push(t('waiting', { count: info.waiting }));
  if (info.dataSaver) parts.push(t('dataSaver'));
  if (!storageOk) parts.push(t('storageFull'));
  if (!parts.length) return null;
  const tone =
    info.state === 'offline' || info.state === 'failed' || !storageOk ? 'bg-warning-soft text-warning' : 'bg-surface-alt text-ink-muted';
  return (
    <p
      role="status"
      data-testid="connection-status"
      data-state={info.state}
      data-saver={info.dataSaver ? 'on' : 'off'}
      className={`px-3 py-1 text-sm ${tone}`}
    >
      {parts.join(' · ')}
      {info.state === 'failed' && (
        <>
          {' '}
          <button className="underline" onClick={retrySync}>
            {t('retry')}
          </button>
        </>
      )}
    </p>
  );
}
