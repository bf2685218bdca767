import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyTheme, setThemeChoice, THEME_KEY, THEME_SCRIPT, themeChoice } from './theme';

let systemDark = false;
const items = new Map<string, string>();
const html = { dataset: {} as Record<string, string> };

beforeEach(() => {
  items.clear();
  html.dataset = {};
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  });
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(prefers-color-scheme: dark)' && systemDark }));
  vi.stubGlobal('document', { documentElement: html });
});
afterEach(() => vi.unstubAllGlobals());

describe('theme', () => {
  it('follows the system until the user chooses, and the choice wins', () => {
    systemDark = true;
    applyTheme();
    expect(themeChoice()).toBe('system');
    expect(html.dataset.theme).toBe('dark');
    setThemeChoice('light');
    expect(items.get(THEME_KEY)).toBe('light');
    expect(html.dataset.theme).toBe('light');
    setThemeChoice('system');
    expect(items.has(THEME_KEY)).toBe(false);
    expect(html.dataset.theme).toBe('dark');
  });

  it("the head script resolves the same theme as the app, before the app's code runs", () => {
    for (const [stored, dark, expected] of [
      [null, true, 'dark'],
      [null, false, 'light'],
      ['light', true, 'light'],
      ['dark', false, 'dark'],
    ] as const) {
      items.clear();
      if (stored) items.set(THEME_KEY, stored);
      systemDark = dark;
      html.dataset = {};
      new Function(THEME_SCRIPT)();
      expect(html.dataset.theme, `${stored} ${dark}`).toBe(expected);
    }
  });
});
