import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localePageUrl, mayRedirect, redirectsArrived } from './redirects';

function fakeSessionStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

beforeEach(() => vi.stubGlobal('sessionStorage', fakeSessionStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('the root page redirect', () => {
  it('asks for the language page by its file name where the root page stands in for a missing page', () => {
    expect(localePageUrl('lb', { pathname: '/', hash: '#/room/!a:hs' })).toBe('/lb/#/room/!a:hs');
    expect(localePageUrl('en', { pathname: '/en/', hash: '' })).toBe('/en/index.html');
  });

  it('stops after two turns in a row, and starts counting again once a language page loaded', () => {
    expect([mayRedirect(), mayRedirect(), mayRedirect()]).toEqual([true, true, false]);
    expect(mayRedirect()).toBe(true);
    redirectsArrived();
    expect([mayRedirect(), mayRedirect()]).toEqual([true, true]);
  });
});
