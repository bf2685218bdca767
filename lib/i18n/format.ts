import { formattingLocale, type Locale } from './locales';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and style, made once: building an Intl.DateTimeFormat costs far
 * more than formatting with it, and a room list formats hundreds of times.
 */
function formatter(locale: Locale, style: 'clock' | 'day' | 'longDay' | 'longDayYear'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let made = formatters.get(key);
  if (!made) {
    const options: Intl.DateTimeFormatOptions =
      style === 'clock'
        ? { hour: '2-digit', minute: '2-digit' }
        : style === 'day'
          ? { day: 'numeric', month: 'short' }
          : { weekday: 'long', day: 'numeric', month: 'long', ...(style === 'longDayYear' ? { year: 'numeric' } : {}) };
    made = new Intl.DateTimeFormat(formattingLocale(locale), options);
    formatters.set(key, made);
  }
  return made;
}

/** A message time: the clock time today, else the date. Same output in Node and Chromium. */
export function formatMessageTime(ts: number, locale: Locale, now = Date.now()): string {
  const date = new Date(ts);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return formatter(locale, sameDay ? 'clock' : 'day').format(date);
}

/** The clock time of a message (its day is on the separator above it). */
export function formatClock(ts: number, locale: Locale): string {
  return formatter(locale, 'clock').format(new Date(ts));
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
  return { date: formatter(locale, day.getFullYear() !== today.getFullYear() ? 'longDayYear' : 'longDay').format(day) };
}
