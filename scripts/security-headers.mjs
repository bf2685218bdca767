// The HTTP headers every response of the static export carries: a strict Content Security
// Policy worked out from the export itself (hashes of the inline scripts and styles Next
// writes into the pages), and the usual hardening headers. `npm run build` writes them to
// `out/_headers` (the format of Netlify and Cloudflare Pages); the project's own server
// (`npm run serve`, `npm start`, the tests) sends the same ones; docs/deploy.md shows them for
// nginx and Caddy.
//
// Which homeservers the app may talk to (`connect-src`): the origins in LUXCHAT_HOMESERVERS
// (comma-separated) when the deployment names them, which is what a government deployment
// should do; otherwise any `https:` origin, because the login screen accepts any homeserver
// and finds it through its server name's .well-known file, plus NEXT_PUBLIC_DEFAULT_HOMESERVER.
//
// node scripts/security-headers.mjs [--dir out] [--homeserver URL ...] [--format plain|nginx|caddy] [--write]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { filesUnder } from './exportFiles.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hashes of what the pages run or style inline, each once, in a stable order. */
export function inlineHashes(dir = join(root, 'out')) {
  const scripts = new Set();
  const styles = new Set();
  const styleAttributes = new Set();
  for (const file of filesUnder(dir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(file, 'utf8');
    for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (/\bsrc=/.test(attributes)) continue;
      // Data blocks (JSON, the scripts requested after the first paint) are not run.
      const type = /\btype="([^"]*)"/.exec(attributes)?.[1];
      if (type && !/^(text|application)\/javascript$|^module$/.test(type)) continue;
      scripts.add(sha256(body));
    }
    for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) styles.add(sha256(body));
    for (const [, value] of html.matchAll(/\sstyle="([^"]*)"/g)) styleAttributes.add(sha256(unescapeAttribute(value)));
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort(), styleAttributes: [...styleAttributes].sort() };
}

/** Origins the app may connect to besides its own: the homeservers, or `https:` when open. */
export function connectSources(homeservers = configuredHomeservers()) {
  if (homeservers.length) return [...new Set(homeservers.map((url) => new URL(url).origin))];
  const fallback = process.env.NEXT_PUBLIC_DEFAULT_HOMESERVER;
  return ['https:', ...(fallback && fallback.startsWith('http:') ? [new URL(fallback).origin] : [])];
}

export function configuredHomeservers() {
  return (process.env.LUXCHAT_HOMESERVERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The policy for every page. `connectSrc`: source expressions used as they are instead of the
 * homeservers' origins (the tests' `http://127.0.0.1:*`, for their many local homeservers);
 * `reportUri` only where someone collects the reports (the tests).
 */
export function contentSecurityPolicy({ dir, homeservers, connectSrc, reportUri } = {}) {
  const { scripts, styles, styleAttributes } = inlineHashes(dir);
  const directives = [
    "default-src 'self'",
    // The crypto is WebAssembly; 'report-sample' puts the start of a blocked script in reports.
    ['script-src', "'self'", "'wasm-unsafe-eval'", "'report-sample'", ...scripts].join(' '),
    ['style-src', "'self'", ...styles, ...(styleAttributes.length ? ["'unsafe-hashes'", ...styleAttributes] : [])].join(' '),
    // Media come from the homeserver through authenticated requests, shown as blob: URLs.
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    ['connect-src', "'self'", ...(connectSrc ?? connectSources(homeservers))].join(' '),
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(reportUri ? [`report-uri ${reportUri}`] : []),
  ];
  return directives.join('; ');
}

/**
 * The headers of a document (a page, or the service worker's script, whose own policy binds
 * the worker), by name. Scripts, styles and images need only `ASSET_HEADERS`: a policy on them
 * does nothing, and sent with each of a first visit's files it cost some 20 KB on a phone.
 */
export function securityHeaders(options = {}) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Voice messages record from the microphone; photos come from a file picker, no camera API.
    'Permissions-Policy': 'microphone=(self), camera=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()',
  };
}

/** What every other file of the app gets. */
export const ASSET_HEADERS = { 'X-Content-Type-Options': 'nosniff' };

/** Whether a request's path is a page (`/en/`, `/404.html`, an extensionless route) or the worker. */
export function isDocumentPath(path) {
  const pathname = path.split(/[?#]/)[0];
  return pathname === '/sw.js' || pathname.endsWith('/') || pathname.endsWith('.html') || !/\.[a-z0-9]+$/i.test(pathname);
}

/** The export's documents as request paths: each page by its directory and its file, and the worker. */
export function documentPaths(dir = join(root, 'out')) {
  const pages = filesUnder(dir)
    .map((f) => `/${relative(dir, f).split('\\').join('/')}`)
    .filter((p) => p.endsWith('.html'));
  const paths = pages.flatMap((p) => (p.endsWith('/index.html') ? [p.slice(0, -'index.html'.length), p] : [p]));
  return [...new Set([...paths, '/sw.js'])].sort();
}

/**
 * `_headers` for hosts that read it (they merge every rule that matches): `nosniff` on every
 * path, the document headers on each page and the worker, and the caching rules.
 */
export function headersFile(options = {}) {
  const indented = (text) => text.trimEnd().split('\n').map((line) => `  ${line}`);
  const documentLines = indented(headersFor('plain', options));
  const lines = ['/*', ...Object.entries(ASSET_HEADERS).map(([name, value]) => `  ${name}: ${value}`)];
  for (const path of documentPaths(options.dir)) lines.push(path, ...documentLines);
  lines.push('/sw.js', '  Cache-Control: no-cache');
  lines.push('/_next/static/*', '  Cache-Control: public, max-age=31536000, immutable');
  return `${lines.join('\n')}\n`;
}

/** The headers as an nginx snippet (to `include` in each `location`) or a Caddy `header` block. */
export function headersFor(format, options = {}) {
  const entries = Object.entries(securityHeaders(options));
  if (format === 'nginx') return entries.map(([name, value]) => `add_header ${name} "${value}" always;`).join('\n') + '\n';
  // Caddy: for the site's `@fresh` matcher (everything but /_next/static/, see docs/deploy.md).
  if (format === 'caddy') return ['header @fresh {', ...entries.map(([name, value]) => `\t${name} "${value}"`), '}'].join('\n') + '\n';
  return entries.map(([name, value]) => `${name}: ${value}`).join('\n') + '\n';
}

function unescapeAttribute(value) {
  return value.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      homeserver: { type: 'string', multiple: true },
      format: { type: 'string', default: 'plain' },
      write: { type: 'boolean' },
    },
  });
  const dir = values.dir ? resolve(values.dir) : join(root, 'out');
  const options = { dir, homeservers: values.homeserver ?? configuredHomeservers() };
  if (values.write) {
    writeFileSync(join(dir, '_headers'), headersFile(options));
    console.log(`security headers: ${join(dir, '_headers')} (connect-src ${connectSources(options.homeservers).join(' ')})`);
  } else {
    process.stdout.write(headersFor(values.format, options));
  }
}
