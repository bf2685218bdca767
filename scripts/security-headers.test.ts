import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, documentPaths, headersFile, headersFor, inlineHashes, isDocumentPath } from './security-headers.mjs';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const dir = mkdtempSync(join(tmpdir(), 'luxchat-csp-'));
mkdirSync(join(dir, 'en'));
writeFileSync(
  join(dir, 'index.html'),
  '<html><head><script>theme()</script><script src="/a.js" async=""></script></head><body><script>theme()</script></body></html>',
);
writeFileSync(
  join(dir, 'en', 'index.html'),
  [
    '<html><head><style>body{margin:0}</style></head><body>',
    '<p style="color:red">x</p>',
    '<script type="luxchat/after-paint" src="/b.js"></script>',
    '<script type="application/json">{"not":"run"}</script>',
    '<script id="_R_">self.__next_r="x"</script>',
    '</body></html>',
  ].join(''),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('security headers', () => {
  it('hash each inline script and style of every page once, and nothing the browser does not run', () => {
    expect(inlineHashes(dir)).toEqual({
      scripts: [hash('theme()'), hash('self.__next_r="x"')].sort(),
      styles: [hash('body{margin:0}')],
      styleAttributes: [hash('color:red')],
    });
  });

  it("allow the named homeservers only, or any https: one when none is named", () => {
    const named = contentSecurityPolicy({ dir, homeservers: ['https://matrix.luxchat.lu/', 'https://matrix.luxchat.lu'] });
    expect(named).toContain("connect-src 'self' https://matrix.luxchat.lu;");
    const open = contentSecurityPolicy({ dir, homeservers: [] });
    expect(open).toMatch(/connect-src 'self' https:[;\s]/);
    expect(open).not.toContain("'unsafe-inline'");
    expect(open).not.toContain("'unsafe-eval'");
  });

  it('print as an nginx snippet with every header on every answer', () => {
    const nginx = headersFor('nginx', { dir, homeservers: ['https://matrix.luxchat.lu'] }).trim().split('\n');
    expect(nginx.length).toBe(6);
    for (const line of nginx) expect(line).toMatch(/^add_header [A-Za-z-]+ "[^"]+" always;$/);
  });

  it('go on pages and the worker in full, and as nosniff alone on every other file', () => {
    for (const path of ['/', '/en/', '/en/index.html', '/404.html', '/sw.js', '/en/sso/?state=x', '/en']) expect(isDocumentPath(path), path).toBe(true);
    for (const path of ['/_next/static/chunks/a.js', '/icons/icon.svg', '/manifest.webmanifest', '/x.css?v=1']) expect(isDocumentPath(path), path).toBe(false);
    expect(documentPaths(dir)).toEqual(['/', '/en/', '/en/index.html', '/index.html', '/sw.js']);
    const file = headersFile({ dir, homeservers: ['https://matrix.luxchat.lu'] });
    const rules = file.split(/\n(?=\S)/).map((rule) => rule.split('\n').map((line) => line.trim()));
    expect(rules.find((r) => r[0] === '/*')).toEqual(['/*', 'X-Content-Type-Options: nosniff']);
    for (const path of ['/', '/en/', '/sw.js']) {
      expect(rules.find((r) => r[0] === path)?.some((line) => line.startsWith('Content-Security-Policy: ')), path).toBe(true);
    }
  });
});
