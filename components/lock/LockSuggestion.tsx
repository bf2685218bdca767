'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { dismissAppLockSuggestion, shouldSuggestAppLock } from '@/lib/actions/appLock';
import { PromptBanner } from '../ui/PromptBanner';

/** On a phone without the app lock, once signed in: a suggestion to set it up, until "Not now". */
export function LockSuggestion({ onSetUp }: { onSetUp: () => void }) {
  const t = useTranslations('lock');
  const [shown, setShown] = useState(false);
  useEffect(() => void shouldSuggestAppLock().then(setShown), []);
  if (!shown) return null;
  return (
    <PromptBanner
      title={t('suggestTitle')}
      text={t('suggestText')}
      testId="lock-suggestion"
      accept={{
        label: t('suggestSetUp'),
        onClick: () => {
          setShown(false);
          onSetUp();
        },
      }}
      decline={{ label: t('suggestLater'), onClick: () => void dismissAppLockSuggestion().finally(() => setShown(false)) }}
    />
  );
}
