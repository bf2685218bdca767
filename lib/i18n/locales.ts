export const locales = ['lb', 'fr', 'de', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Names shown in the language switcher, each in its own language. */
export const localeNames: Record<Locale, string> = {
  lb: 'Lëtzebuergesch',
  fr: 'Français',
  de: 'Deutsch',
  en: 'English',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Chromium's ICU has no `lb` date or number data while Node's has, so formatting with `lb`
 * would differ between the static build and the browser. Luxembourgish UI formats like de-LU.
 */
export function formattingLocale(locale: Locale): string {
  return locale === 'lb' ? 'de-LU' : locale;
}

/** The first of the browser's languages we speak, else English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return defaultLocale;
}
