// Builds the service worker over a static export: bundles lib/sw/sw.ts with esbuild, then lets
// workbox-build inject the precache manifest of every file in the export (the crypto .wasm
// included). The worker caches the app shell (the pages and what they load) on a first visit
// and the rest (chat screens, SDK, crypto) once someone signs in: the shell's list is worked
// out here from the pages themselves. `npm run build` runs it after `next build`.
//
// node scripts/build-sw.mjs [--dir out] [--build-id ID]
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { filesUnder } from './exportFiles.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildServiceWorker({ dir = join(root, 'out'), buildId } = {}) {
  const id = buildId ?? readBuildId();
  const swDest = join(dir, 'sw.js');
  await build({
    entryPoints: [join(root, 'lib', 'sw', 'sw.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    outfile: swDest,
    define: {
      __BUILD_ID__: JSON.stringify(id),
      __SHELL__: JSON.stringify(shellFiles(dir)),
      'process.env.NODE_ENV': '"production"',
    },
    logLevel: 'warning',
  });
  const { count, size, warnings } = await injectManifest({
    swSrc: swDest,
    swDest,
    globDirectory: dir,
    globPatterns: ['**/*.{html,js,css,wasm,txt,json,webmanifest,png,svg,ico}'],
    globIgnores: ['sw.js', 'screenshots/**'],
    // The crypto .wasm is ~7.8 MB; workbox skips files over 2 MiB unless told otherwise.
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    // Next's hashed file names under /_next/static/ are their own revision.
    dontCacheBustURLsMatching: /^_next\/static\//,
  });
  for (const w of warnings) console.warn(w);
  // Compressed copies of an earlier worker would be served instead of this one.
  for (const ext of ['br', 'gz']) rmSync(`${swDest}.${ext}`, { force: true });
  console.log(`service worker ${id}: ${count} files precached, ${(size / 1e6).toFixed(1)} MB`);
  return { buildId: id, count, size };
}

/**
 * What a signed-out visitor needs, as paths relative to the export: every page (but the single
 * sign-on return page), the files
 * those pages load (except `noModule` scripts, which current browsers skip), the pages'
 * navigation payloads, the manifest and the icons. The app's other files wait for a sign-in.
 */
export function shellFiles(dir) {
  const files = filesUnder(dir).map((f) => relative(dir, f).split('\\').join('/')).filter((f) => !/\.(br|gz)$/.test(f));
  // The single sign-on return page is only ever reached online, back from the identity provider.
  const shellPage = (f) => !/(^|\/)sso\//.test(f);
  const shell = new Set(files.filter((f) => shellPage(f) && (/\.(html|txt|webmanifest)$/.test(f) || f.startsWith('icons/'))));
  for (const page of files.filter((f) => f.endsWith('.html') && shellPage(f))) {
    const html = readFileSync(join(dir, page), 'utf8');
    for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
      if (/\bnoModule\b/i.test(tag)) continue;
      const ref = /\b(?:src|href)="\/([^"?#]+)"/.exec(tag)?.[1];
      if (ref && files.includes(ref)) shell.add(ref);
    }
  }
  return [...shell].sort();
}

/** Next writes a fresh id per build; without one, the export's own contents name it. */
function readBuildId() {
  try {
    return readFileSync(join(root, '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return createHash('sha256').update(String(Date.now())).digest('hex').slice(0, 12);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, 'build-id': { type: 'string' } } });
  await buildServiceWorker({ dir: values.dir ? resolve(values.dir) : undefined, buildId: values['build-id'] });
}
