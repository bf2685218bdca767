import { formattingLocale, type Locale } from './locales';

/** A message time: the clock time today, else the date. Same output in Node and Chromium. */
export function formatMessageTime(ts: number, locale: Locale, now = Date.now()): string {
  const date = new Date(ts);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(formattingLocale(locale), options).format(date);
}
