// The import-boundary check (.dependency-cruiser.cjs) on the real tree, and proof that it
// catches each kind of violation on a planted one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');
const CONFIG = join(root, '.dependency-cruiser.cjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(cwd: string, paths: string[]): Violation[] {
  const r = spawnSync(join(root, 'node_modules/.bin/depcruise'), ['--config', CONFIG, '--output-type', 'json', ...paths], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!r.stdout) throw new Error(`depcruise failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const planted = mkdtempSync(join(tmpdir(), 'luxchat-boundaries-'));
afterAll(() => rmSync(planted, { recursive: true, force: true }));

function plant(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(planted, path)), { recursive: true });
    writeFileSync(join(planted, path), text);
  }
}

describe('import boundaries', () => {
  it('the project keeps them', () => {
    expect(cruise(root, ['app', 'components', 'lib']).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 60_000);

  it('a screen reaching the engine, storage using React, the worker reaching the SDK, an upward import: each is caught', () => {
    symlinkSync(join(root, 'node_modules'), join(planted, 'node_modules'));
    plant({
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', jsx: 'preserve' } }),
      'lib/matrix/client.ts': "import 'matrix-js-sdk';\nexport const client = 1;\n",
      'components/Bad.tsx': "import { client } from '../lib/matrix/client';\nexport const bad = client;\n",
      'lib/db/bad.ts': "import { useState } from 'react';\nexport const bad = useState;\n",
      'lib/sw/sw.ts': "import { client } from '../matrix/client';\nexport const sw = client;\n",
      'lib/outbox/up.ts': "import { bad } from '../../components/Bad';\nexport const up = bad;\n",
    });
    const rules = new Set(cruise(planted, ['components', 'lib']).map((v) => v.rule.name));
    expect(rules, JSON.stringify([...rules])).toEqual(
      new Set(['screens-reach-the-engine-through-actions', 'storage-and-outbox-are-plain-typescript', 'worker-has-no-sdk-and-no-react', 'outbox-below-engine']),
    );
  }, 60_000);
});
