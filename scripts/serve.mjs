// Serves the static export (out/) on loopback, as users get it: every locale route, the
// crypto .wasm with its MIME type, the security headers of scripts/security-headers.mjs (its
// Content Security Policy lets the app talk to the given homeserver, else to any https: one),
// and a .well-known delegation to a homeserver when given.
//
// As a module: const server = await serveStatic({ port, homeserverUrl }); … await server.close();
// As a command: node scripts/serve.mjs [port]   (HOMESERVER_URL=… to answer .well-known)
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { ASSET_HEADERS, isDocumentPath, securityHeaders } from './security-headers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `singlePage`: answers what is not a file with the root page, directories included, as
 * `serve -s` does (a test checks the app does not loop on such a host).
 * `connectSrc`: the policy's connect-src sources as they are (else the homeserver's origin).
 * `onViolation`: receives each Content Security Policy violation report browsers send.
 */
export async function serveStatic({ port = 4173, dir = join(root, 'out'), homeserverUrl, connectSrc, singlePage = false, onViolation } = {}) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} has no build: run "npm run build" first`);
  // The Brotli and gzip copies scripts/compress.mjs wrote, as a production host serves them.
  const handlerFor = (d) => sirv(d, { dev: false, etag: true, extensions: ['html'], gzip: true, brotli: true });
  const headersFor = (d) =>
    securityHeaders({
      dir: d,
      homeservers: homeserverUrl ? [homeserverUrl] : undefined,
      connectSrc,
      reportUri: onViolation ? '/csp-report' : undefined,
    });
  let files = handlerFor(dir);
  let headers = headersFor(dir);
  const server = createServer((req, res) => {
    if (onViolation && req.method === 'POST' && req.url === '/csp-report') {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        try {
          onViolation(JSON.parse(Buffer.concat(chunks).toString('utf8'))['csp-report']);
        } catch {
          // Not a report.
        }
        res.writeHead(204).end();
      });
      return;
    }
    for (const [name, value] of Object.entries(isDocumentPath(req.url ?? '/') ? headers : ASSET_HEADERS)) res.setHeader(name, value);
    if (homeserverUrl && req.url === '/.well-known/matrix/client') {
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify({ 'm.homeserver': { base_url: homeserverUrl } }));
      return;
    }
    // The service worker script must never come from an HTTP cache, or updates go unseen.
    if (req.url === '/sw.js') res.setHeader('cache-control', 'no-cache');
    const rootPage = () => {
      req.url = '/index.html';
      files(req, res, () => res.end());
    };
    if (singlePage && req.url !== '/' && new URL(req.url, 'http://x').pathname.endsWith('/')) return rootPage();
    files(req, res, () => {
      if (singlePage) return rootPage();
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html');
      res.end('Not found');
    });
  });
  const sockets = new Set();
  let closedBytes = 0;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => {
      closedBytes += s.bytesWritten;
      sockets.delete(s);
    });
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${port}`,
    /** Bytes sent so far, headers included: what the browser downloaded from this host. */
    bytesSent: () => closedBytes + [...sockets].reduce((sum, s) => sum + s.bytesWritten, 0),
    /** Serves another build from now on (a test publishing a new version). */
    setDir: (next) => {
      files = handlerFor(next);
      headers = headersFor(next);
    },
    close: () =>
      new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
  const server = await serveStatic({ port, homeserverUrl: process.env.HOMESERVER_URL });
  console.log(`Serving out/ on ${server.url}`);
}
