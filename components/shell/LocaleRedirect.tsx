'use client';
import { useEffect } from 'react';
import { localeNames, locales } from '@/lib/i18n/locales';
import { initialLocale } from '@/lib/i18n/preference';
import { localePageUrl, mayRedirect } from '@/lib/i18n/redirects';

export function LocaleRedirect() {
  useEffect(() => {
    if (mayRedirect()) location.replace(localePageUrl(initialLocale(), location));
  }, []);
  // Shown if the redirect cannot run (or would loop): every language, each named in itself.
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
