'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { registerServiceWorker } from '@/lib/pwa/register';

/**
 * Registers the service worker and offers a waiting new version. It never takes over by
 * itself: the user chooses when (drafts are kept across the reload, see Composer).
 */
export function UpdatePrompt() {
  const t = useTranslations('update');
  const [activate, setActivate] = useState<(() => void) | null>(null);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => registerServiceWorker((go) => setActivate(() => go)), []);
  if (!activate || dismissed) return null;
  return (
    <div role="status" data-testid="update-prompt" className="fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-lg bg-ink px-4 py-2 text-sm text-surface shadow-lg">
      <span>{t('available')}</span>
      <button className="rounded bg-brand px-3 py-1 font-medium text-white" onClick={activate}>
        {t('reload')}
      </button>
      <button className="px-2 py-1 text-surface underline" onClick={() => setDismissed(true)}>
        {t('later')}
      </button>
    </div>
  );
}
