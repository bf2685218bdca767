'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionError } from '@/lib/actions/errors';

/** Runs an action and keeps its failure as a localised message. */
export function useActionError() {
  const t = useTranslations('actions.errors');
  const [error, setError] = useState<string | null>(null);
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(e instanceof ActionError ? t(e.code, e.values) : t('failed'));
      return undefined;
    }
  }
  return { error, run };
}
