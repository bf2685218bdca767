// Writes a Brotli and a gzip copy beside each compressible file of the static export, as a
// production host serves them (nginx `brotli_static`/`gzip_static`, Caddy `precompressed`):
// `npm run serve`, `npm start` and the tests serve those, so that what is measured is what
// users download. `npm run build` runs it last.
//
// node scripts/compress.mjs [--dir out]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { filesUnder } from './exportFiles.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const COMPRESSIBLE = /\.(html|js|css|txt|json|webmanifest|svg|wasm|map)$/;
/** Brotli's best setting costs seconds per megabyte: big files get a faster one. */
const BIG = 1024 * 1024;

export function compressExport(dir = join(root, 'out')) {
  let files = 0;
  let before = 0;
  let after = 0;
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const bytes = readFileSync(file);
    if (bytes.length < 1024) continue; // not worth a header
    const br = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: bytes.length > BIG ? 9 : 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    files += 1;
    before += bytes.length;
    after += br.length;
  }
  console.log(`compressed ${files} files: ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB (Brotli)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dir: { type: 'string' } } });
  compressExport(values.dir ? resolve(values.dir) : undefined);
}
