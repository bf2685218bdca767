// `npm test`: unit tests (vitest), a production build, then end-to-end tests (Playwright,
// Debian's Chromium, a fresh Synapse). Ends with one line: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installSynapse } from './synapse.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const started = Date.now();

function step(name, cmd, args) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;

// Unit tests.
const unitOk = step('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${join(results, 'unit.json')}`]);
const unit = readJson(join(results, 'unit.json'));
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
if (!unitOk && !unit?.numFailedTests) failed += 1; // the run broke before reporting

// End-to-end tests against the production build, as users get it.
installSynapse();
const built = step('production build', 'npm', ['run', 'build']);
if (!built) failed += 1;
else {
  const e2eOk = step('end-to-end tests', 'npx', ['playwright', 'test']);
  const e2e = readJson(join(results, 'e2e.json'));
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
  }
  if (!e2eOk && !e2e?.stats?.unexpected) failed += 1;
}

console.log(`\nnpm test took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && existsSync(join(root, 'out', 'index.html')) ? 0 : 1);
