'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { dismissAppLockSuggestion, shouldSuggestAppLock } from '@/lib/actions/appLock';

/** On a phone without the app lock, once signed in: a suggestion to set it up, until "Not now". */
export function LockSuggestion({ onSetUp }: { onSetUp: () => void }) {
  const t = useTranslations('lock');
  const [shown, setShown] = useState(false);
  useEffect(() => void shouldSuggestAppLock().then(setShown), []);
  if (!shown) return null;
  return (
    <div role="region" aria-label={t('suggestTitle')} data-testid="lock-suggestion" className="flex flex-col gap-2 border-b border-line bg-surface-alt p-3 text-sm">
      <p>{t('suggestText')}</p>
      <div className="flex gap-2">
        <button
          className="rounded bg-brand px-3 py-1 text-white"
          onClick={() => {
            setShown(false);
            onSetUp();
          }}
        >
          {t('suggestSetUp')}
        </button>
        <button className="rounded border border-line px-3 py-1" onClick={() => void dismissAppLockSuggestion().finally(() => setShown(false))}>
          {t('suggestLater')}
        </button>
      </div>
    </div>
  );
}
