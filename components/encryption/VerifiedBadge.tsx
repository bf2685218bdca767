'use client';
import { useTranslations } from 'next-intl';

/** "Verified" / "Not verified" for a device or a person; unverified devices of ours stand out. */
export function VerifiedBadge({ verified, testId, warn = false }: { verified: boolean; testId: string; warn?: boolean }) {
  const t = useTranslations('encryption');
  const tone = verified ? 'bg-success-soft text-success' : warn ? 'bg-warning-soft text-warning' : 'bg-surface-alt text-ink-muted';
  return (
    <span data-testid={testId} className={`shrink-0 rounded px-2 text-xs ${tone}`}>
      {verified ? t('verified') : t('notVerified')}
    </span>
  );
}
