'use client';
import { useLocale, useTranslations } from 'next-intl';
import { isLocale, localeNames, locales } from '@/lib/i18n/locales';
import { saveLocale } from '@/lib/i18n/preference';
import { LabelledSelect } from '../ui/LabelledSelect';
import { useHydrated } from '../ui/useHydrated';

/** Each language is its own pre-rendered page; switching keeps the open room (the hash). */
export function LanguageSwitcher() {
  const t = useTranslations('language');
  const current = useLocale();
  // In the pre-rendered page the choice would be lost: nothing listens until the app runs.
  const ready = useHydrated();
  return (
    <LabelledSelect
      label={t('label')}
      value={current}
      disabled={!ready}
      onChange={(next) => {
        if (!isLocale(next)) return;
        saveLocale(next);
        location.assign(`/${next}/${location.hash}`);
      }}
    >
      {locales.map((l) => (
        <option key={l} value={l} lang={l}>
          {localeNames[l]}
        </option>
      ))}
    </LabelledSelect>
  );
}
