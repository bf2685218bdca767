// Every file of a directory tree (the static export), as absolute paths: the build steps that
// rewrite, hash, list or compress the export's files walk it with this.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}
