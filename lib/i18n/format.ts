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

/** The clock time of a message (its day is on the separator above it). */
export function formatClock(ts: number, locale: Locale): string {
  return new Intl.DateTimeFormat(formattingLocale(locale), { hour: '2-digit', minute: '2-digit' }).format(new Date(ts));
}

/** Local calendar day of a time, to tell days apart. */
export function dayKey(ts: number): string {
  return new Date(ts).toDateString();
}

/**
 * A day separator: "today", "yesterday" (catalogue keys), or the date in words (with the year
 * when it is not this year's).
 */
export function dayLabel(ts: number, locale: Locale, now = Date.now()): { key: 'today' | 'yesterday' } | { date: string } {
  const day = new Date(ts);
  const today = new Date(now);
  if (day.toDateString() === today.toDateString()) return { key: 'today' };
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (day.toDateString() === yesterday.toDateString()) return { key: 'yesterday' };
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };
  if (day.getFullYear() !== today.getFullYear()) options.year = 'numeric';
  return { date: new Intl.DateTimeFormat(formattingLocale(locale), options).format(day) };
}
