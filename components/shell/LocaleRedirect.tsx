'use client';
import { useEffect } from 'react';
import { localeNames, locales } from '@/lib/i18n/locales';
import { initialLocale } from '@/lib/i18n/preference';

export function LocaleRedirect() {
  useEffect(() => {
    location.replace(`/${initialLocale()}/${location.hash}`);
  }, []);
  // Shown only if the redirect cannot run: every language, each named in itself.
  return (
    <nav className="flex gap-4 p-6">
      {locales.map((l) => (
        <a key={l} href={`/${l}/`} lang={l} className="underline">
          {localeNames[l]}
        </a>
      ))}
    </nav>
  );
}
