'use client';
import { useTranslations } from 'next-intl';
import { useConnection } from './hooks';

/** Shown only when something is not normal: offline, connecting, or messages still waiting. */
export function ConnectionStatus() {
  const t = useTranslations('status');
  const info = useConnection();
  if (!info || (info.state === 'online' && info.waiting === 0)) return null;
  const parts = [];
  if (info.state !== 'online') parts.push(t(info.state));
  if (info.waiting > 0) parts.push(t('waiting', { count: info.waiting }));
  const tone = info.state === 'offline' ? 'bg-amber-100 text-amber-900' : 'bg-slate-100 text-slate-700';
  return (
    <p role="status" data-testid="connection-status" data-state={info.state} className={`px-3 py-1 text-sm ${tone}`}>
      {parts.join(' · ')}
    </p>
  );
}
