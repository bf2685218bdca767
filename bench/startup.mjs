// `npm run bench:startup`: how fast the app paints from IndexedDB with no network.
// Seeds 200 rooms and 100,000 events, then reloads N times in headless Chromium with 4× CPU
// throttling and the homeserver unreachable, reading the app's performance marks
// (luxchat:rooms-painted, luxchat:timeline-painted) and the JS heap. A benchmark, not a test.
// RUNS=n (default 7); CPUPROFILE=dir writes a CPU profile of each start, TRACE=dir a trace,
// MARKS=1 prints every performance mark of each start.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { serveStatic } from '../scripts/serve.mjs';
import { launchChromium } from './harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 7);
const ROOMS = 200;
const EVENTS = 100_000;
const PORT = 14273;
const HOMESERVER = 'http://127.0.0.1:18999'; // nothing listens here, and requests to it are aborted

if (!existsSync(join(root, 'out', 'index.html'))) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(1);
}
const seedBundle = await build({
  entryPoints: [join(root, 'bench', 'seed.ts')],
  bundle: true,
  format: 'iife',
  globalName: 'LuxchatBench',
  write: false,
  platform: 'browser',
});

const server = await serveStatic({ port: PORT, homeserverUrl: HOMESERVER });
const browser = await launchChromium();
const context = await browser.newContext();
await context.route(`${HOMESERVER}/**`, (r) => r.abort('internetdisconnected'));

const seedPage = await context.newPage();
await seedPage.goto(`${server.url}/en/`);
// Evaluated through the DevTools protocol: the page's CSP refuses inline script tags.
await seedPage.evaluate(`${seedBundle.outputFiles[0].text}\n;globalThis.LuxchatBench = LuxchatBench;`);
const t0 = Date.now();
const seeded = await seedPage.evaluate(
  (args) => globalThis.LuxchatBench.seed(args),
  { rooms: ROOMS, events: EVENTS, homeserverUrl: HOMESERVER },
);
console.log(`seeded ${seeded.rooms} rooms and ${seeded.events} events in ${Date.now() - t0} ms`);
await seedPage.close();

/** Starts a trace; the returned function stops it and resolves with its events. */
async function startTrace(cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,blink', transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

const runs = [];
for (let i = 0; i < RUNS; i++) {
  const page = await context.newPage();
  if (process.env.MARKS) page.on('console', (m) => m.text().startsWith('marks ') && console.log(m.text()));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Performance.enable');
  // CPUPROFILE=dir: a CPU profile of each start, up to both marks (open in Chromium's DevTools).
  if (process.env.CPUPROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  // TRACE=dir: a Chromium trace of each start (devtools.timeline: parse, compile, style, layout).
  const tracing = process.env.TRACE ? await startTrace(cdp) : null;
  await page.goto(`${server.url}/en/#/room/${encodeURIComponent('!room0:localhost')}`);
  const marks = await page.evaluate(async () => {
    const read = (name) => performance.getEntriesByName(name)[0]?.startTime;
    for (let waited = 0; waited < 60_000; waited += 50) {
      if (read('luxchat:rooms-painted') !== undefined && read('luxchat:timeline-painted') !== undefined) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime;
    const nav = performance.getEntriesByType('navigation')[0];
    console.log(`marks ${JSON.stringify(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]))}`);
    return { rooms: read('luxchat:rooms-painted'), timeline: read('luxchat:timeline-painted'), fcp, domContentLoaded: nav?.domContentLoadedEventEnd };
  });
  if (process.env.CPUPROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(process.env.CPUPROFILE, { recursive: true });
    writeFileSync(join(process.env.CPUPROFILE, `startup-${i + 1}.cpuprofile`), JSON.stringify(profile));
  }
  if (tracing) {
    mkdirSync(process.env.TRACE, { recursive: true });
    writeFileSync(join(process.env.TRACE, `startup-${i + 1}.json`), JSON.stringify(await tracing()));
  }
  const shown = await page.getByTestId('message-body').count();
  // Let the SDK and the crypto WASM load (this tab holds the sync lock) before reading the heap.
  await page.waitForTimeout(5_000);
  const cryptoLoaded = await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')));
  if (!cryptoLoaded) console.warn('  (the crypto WASM had not loaded when the heap was read)');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  runs.push({ firstContentfulPaintMs: marks.fcp, domContentLoadedMs: marks.domContentLoaded, roomsPaintedMs: marks.rooms, timelinePaintedMs: marks.timeline, messagesShown: shown, heapMB: heap / 1e6 });
  console.log(`run ${i + 1}: FCP ${marks.fcp?.toFixed(0)} ms, DOMContentLoaded ${marks.domContentLoaded?.toFixed(0)} ms, rooms ${marks.rooms?.toFixed(0)} ms, last ${shown} messages ${marks.timeline?.toFixed(0)} ms, heap ${(heap / 1e6).toFixed(1)} MB`);
  await page.close();
}
await browser.close();
await server.close();

const stats = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), n: sorted.length };
};
const summary = {
  benchmark: 'startup',
  date: new Date().toISOString(),
  setup: { rooms: ROOMS, events: EVENTS, cpuThrottling: 4, network: 'homeserver unreachable (requests aborted)', runs: RUNS },
  firstContentfulPaintMs: stats(runs.map((r) => r.firstContentfulPaintMs)),
  domContentLoadedMs: stats(runs.map((r) => r.domContentLoadedMs)),
  roomsPaintedMs: stats(runs.map((r) => r.roomsPaintedMs)),
  timelinePaintedMs: stats(runs.map((r) => r.timelinePaintedMs)),
  heapMB: stats(runs.map((r) => r.heapMB)),
  runs,
};
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const file = join(root, 'bench', 'results', `startup-${summary.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(summary, null, 2));
const row = (name, s, unit) => `${name.padEnd(34)} ${s.median.toFixed(1).padStart(8)} ${unit}   (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, n=${s.n})`;
console.log(`\nStart-up from IndexedDB, ${ROOMS} rooms / ${EVENTS} events, 4× CPU throttling, offline`);
console.log(row('navigation → first contentful paint', summary.firstContentfulPaintMs, 'ms'));
console.log(row('navigation → DOMContentLoaded', summary.domContentLoadedMs, 'ms'));
console.log(row('navigation → room list painted', summary.roomsPaintedMs, 'ms'));
console.log(row('navigation → last 50 messages painted', summary.timelinePaintedMs, 'ms'));
console.log(row('JS heap after start', summary.heapMB, 'MB'));
console.log(`\nwritten to ${file}`);
