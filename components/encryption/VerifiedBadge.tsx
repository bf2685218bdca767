'use client';
import { useTranslations } from 'next-intl';

/** "Verified" / "Not verified" for a device or a person; unverified devices of ours stand out. */
export function VerifiedBadge({ verified, testId, warn = false }: { verified: boolean; testId: string; warn?: boolean }) {
  const t = useTranslations('encryption');
  const tone = verified ? 'bg-emerald-50 text-emerald-800' : warn ? 'bg-amber-50 text-amber-900' : 'bg-slate-100 text-slate-600';
  return (
    <span data-testid={testId} className={`shrink-0 rounded px-2 text-xs ${tone}`}>
      {verified ? t('verified') : t('notVerified')}
    </span>
  );
}
