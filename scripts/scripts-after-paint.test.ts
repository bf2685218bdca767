import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LATER_TYPE, SIGNED_IN_APP_MARK, loader, scriptsAfterPaint, signedInAppChunks } from './scripts-after-paint.mjs';

const SIGNED_IN = ['/_next/static/chunks/app.js', '/_next/static/chunks/dexie.js'];
const LOADER = loader(SIGNED_IN);

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
  const out = scriptsAfterPaint(page, SIGNED_IN);

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
    expect(scriptsAfterPaint(out, SIGNED_IN)).toBe(out);
  });

  it('leaves a page without external scripts alone', () => {
    const plain = '<html><body><p>Offline</p></body></html>';
    expect(scriptsAfterPaint(plain)).toBe(plain);
  });
});

describe('the loader', () => {
  it("asks for the signed-in app's chunks only on a device that was signed in", () => {
    const run = (signedIn: boolean) => {
      const added: string[] = [];
      const element = () => ({ src: '', async: false });
      const document = {
        documentElement: { hasAttribute: (name: string) => signedIn && name === 'data-signed-in' },
        visibilityState: 'visible',
        querySelectorAll: () => [{ getAttribute: () => '/_next/static/chunks/runtime.js' }],
        createElement: element,
        head: { appendChild: (e: { src: string }) => added.push(e.src) },
      };
      const frame = (f: () => void) => f();
      const timer = (f: () => void) => f();
      new Function('document', 'PerformanceObserver', 'requestAnimationFrame', 'setTimeout', LOADER)(document, undefined, frame, timer);
      return added;
    };
    expect(run(true)).toEqual(['/_next/static/chunks/runtime.js', ...SIGNED_IN]);
    expect(run(false)).toEqual(['/_next/static/chunks/runtime.js']);
  });
});

describe('signedInAppChunks', () => {
  it("finds the dynamic import's chunk list that holds the marked chunk", () => {
    const dir = mkdtempSync(join(tmpdir(), 'after-paint-'));
    const chunks = join(dir, '_next', 'static', 'chunks');
    mkdirSync(chunks, { recursive: true });
    writeFileSync(join(chunks, 'app.js'), `performance.mark("${SIGNED_IN_APP_MARK}")`);
    writeFileSync(join(chunks, 'dexie.js'), 'class Dexie{}');
    writeFileSync(
      join(chunks, 'page.js'),
      '1,e=>{e.v(t=>Promise.all(["static/chunks/other.js"].map(t=>e.l(t))).then(()=>t(2)))},' +
        '3,e=>{e.v(t=>Promise.all(["static/chunks/app.js","static/chunks/dexie.js"].map(t=>e.l(t))).then(()=>t(4)))}',
    );
    expect(signedInAppChunks(dir)).toEqual(SIGNED_IN);
  });
});
