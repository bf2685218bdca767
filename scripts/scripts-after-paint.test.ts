import { describe, expect, it } from 'vitest';
import { LATER_TYPE, LOADER, scriptsAfterPaint } from './scripts-after-paint.mjs';

const page = [
  '<!DOCTYPE html><html><head>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/late.js"/>',
  '<script src="/_next/static/chunks/runtime.js" async=""></script>',
  '<script>document.documentElement.dataset.theme="light"</script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '</head><body><form></form>',
  '<script src="/_next/static/chunks/late.js" async=""></script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '</body></html>',
].join('');

describe('scriptsAfterPaint', () => {
  const out = scriptsAfterPaint(page);

  it('leaves no script for the browser to request while parsing, except noModule ones', () => {
    const requested = [...out.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]).filter((attrs) => /\bsrc=/.test(attrs) && !attrs.includes(LATER_TYPE));
    expect(requested).toEqual([' src="/_next/static/chunks/polyfills.js" noModule=""']);
    expect(out).not.toContain('rel="preload"');
  });

  it('keeps every script, in order, for the loader, and the inline ones as they were', () => {
    const later = [...out.matchAll(new RegExp(`<script type="${LATER_TYPE}" src="([^"]+)">`, 'g'))].map((m) => m[1]);
    expect(later).toEqual(['/_next/static/chunks/runtime.js', '/_next/static/chunks/late.js']);
    expect(out).toContain('<script>document.documentElement.dataset.theme="light"</script>');
    expect(out).toContain('<script>(self.__next_f=self.__next_f||[]).push([0])</script>');
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
  });

  it('ends the head with the scripts and the loader, after the head script that sets the hint', () => {
    const head = out.slice(0, out.indexOf('</head>'));
    expect(head.endsWith(`<script type="${LATER_TYPE}" src="/_next/static/chunks/late.js"></script><script>${LOADER}</script>`)).toBe(true);
    expect(head.indexOf('dataset.theme')).toBeLessThan(head.indexOf(LOADER));
    expect(out.slice(out.indexOf('<body>'))).not.toContain(LATER_TYPE);
  });

  it('adds the loader once and changes nothing the second time', () => {
    expect(out.split(LOADER)).toHaveLength(2);
    expect(scriptsAfterPaint(out)).toBe(out);
  });

  it('leaves a page without external scripts alone', () => {
    const plain = '<html><body><p>Offline</p></body></html>';
    expect(scriptsAfterPaint(plain)).toBe(plain);
  });
});
