import { describe, expect, it } from 'vitest';
import { formatMessageTime } from './format';
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
