'use client';
import { useLocale, useTranslations } from 'next-intl';
import { isLocale, localeNames, locales } from '@/lib/i18n/locales';
import { saveLocale } from '@/lib/i18n/preference';

/** Each language is its own pre-rendered page; switching keeps the open room (the hash). */
export function LanguageSwitcher() {
  const t = useTranslations('language');
  const current = useLocale();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>{t('label')}</span>
      <select
        className="rounded border border-line bg-surface px-2 py-1"
        value={current}
        onChange={(e) => {
          const next = e.target.value;
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
      </select>
    </label>
  );
}
