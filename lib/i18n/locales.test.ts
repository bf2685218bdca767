import { describe, expect, it } from 'vitest';
import { dayLabel, formatMessageTime } from './format';
import { pickLocale } from './locales';

describe('pickLocale', () => {
  it('takes the first browser language we speak', () => {
    expect(pickLocale(['es-ES', 'de-LU', 'fr'])).toBe('de');
    expect(pickLocale(['lb-LU'])).toBe('lb');
  });
  it('falls back to English', () => {
    expect(pickLocale(['es', 'pt-BR'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});

describe('formatMessageTime', () => {
  it('formats Luxembourgish like de-LU, the same in every ICU', () => {
    const ts = new Date(2026, 10, 3, 9, 5).getTime();
    expect(formatMessageTime(ts, 'lb', ts)).toBe(formatMessageTime(ts, 'de', ts));
    expect(formatMessageTime(ts, 'lb', ts)).toMatch(/09:05/);
  });
});

describe('dayLabel', () => {
  const now = new Date(2026, 10, 30, 15, 0).getTime();
  it('says today and yesterday, then the date in words, with the year only for another year', () => {
    expect(dayLabel(new Date(2026, 10, 30, 8, 0).getTime(), 'en', now)).toEqual({ key: 'today' });
    expect(dayLabel(new Date(2026, 10, 29, 23, 59).getTime(), 'en', now)).toEqual({ key: 'yesterday' });
    expect(dayLabel(new Date(2026, 10, 27, 9, 0).getTime(), 'en', now)).toEqual({ date: 'Friday, November 27' });
    expect(dayLabel(new Date(2025, 0, 2, 9, 0).getTime(), 'fr', now)).toEqual({ date: 'jeudi 2 janvier 2025' });
    expect(dayLabel(new Date(2026, 10, 27, 9, 0).getTime(), 'lb', now)).toEqual(dayLabel(new Date(2026, 10, 27, 9, 0).getTime(), 'de', now));
  });
});
