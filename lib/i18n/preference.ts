import { isLocale, pickLocale, type Locale } from './locales';

// A device setting, not account data: it survives logout so the login screen keeps its language.
const KEY = 'luxchat.locale';

export function savedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // private mode without storage: the choice lasts for this page only
  }
}

export function initialLocale(): Locale {
  return savedLocale() ?? pickLocale(navigator.languages ?? [navigator.language]);
}

export const LOCALE_STORAGE_KEY = KEY;
