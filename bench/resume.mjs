// `npm run bench:resume`: what reopening the app costs after being away, beside a fresh login.
// A Synapse of its own with one account in 200 rooms (30 messages each). Each run: a fresh
// login (UI), the app closed, 20 rooms get a new message, the app reopened; both measure the
// bytes of /sync response bodies and the time until the room list shows the 20 newest messages
// (on reopen, measured in the page from navigation start to the frame that shows all 20; the
// harness' wall-clock figure, which adds its own polling and start-up, is kept beside it).
// Medians of RUNS (5) runs, on this machine and under "slow 4G" (CDP network emulation).
// A benchmark, not a test: it prints a table and writes JSON to bench/results/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../scripts/serve.mjs';
import { launchChromium, clientApi } from './harness.mjs';
import { startSynapse } from '../scripts/synapse.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 5);
const ROOMS = Number(process.env.ROOMS ?? 200);
const MESSAGES = 30;
const CHANGED = 20;
const HS_PORT = 18110;
const APP_PORT = 14373;
const ALL_PROFILES = {
  local: null,
  'slow 4G': { latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 },
};
// PROFILES=local runs the loopback one alone.
const PROFILES = process.env.PROFILES
  ? Object.fromEntries(Object.entries(ALL_PROFILES).filter(([name]) => process.env.PROFILES.split(',').includes(name)))
  : ALL_PROFILES;

if (!existsSync(join(root, 'out', 'index.html'))) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(1);
}

// REUSE=1 starts on the previous run's homeserver data (seeding takes minutes).
const seedFile = join(root, '.synapse', 'bench-resume', 'seed.json');
const reuse = process.env.REUSE === '1' && existsSync(seedFile);
const hs = await startSynapse({ name: 'bench-resume', port: HS_PORT, fresh: !reuse });
const app = await serveStatic({ port: APP_PORT, homeserverUrl: hs.baseUrl });
const browser = await launchChromium();

const api = clientApi(hs.baseUrl);
let txn = 0;
const send = (token, roomId, body) =>
  api(token, 'PUT', `/rooms/${encodeURIComponent(roomId)}/send/m.room.message/b${Date.now()}-${txn++}`, { msgtype: 'm.text', body });

/** Resolves when every room in `expected` (room id → text) shows that preview in the room list. */
async function previewsShown(page, expected) {
  await page.waitForFunction(
    (want) =>
      Object.entries(want).every(([roomId, text]) =>
        document.querySelector(`[data-room-id="${CSS.escape(roomId)}"] [data-testid="room-preview"]`)?.textContent?.includes(text),
      ),
    expected,
    { polling: 50, timeout: 180_000 },
  );
}

/**
 * Records in the page when the room list first shows every expected preview: the time since
 * navigation start (what a user waits), free of the harness' polling and start-up costs.
 */
async function recordPreviewsShown(page, expected) {
  await page.addInitScript((want) => {
    const shown = () =>
      Object.entries(want).every(([roomId, text]) =>
        document.querySelector(`[data-room-id="${CSS.escape(roomId)}"] [data-testid="room-preview"]`)?.textContent?.includes(text),
      );
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      // After the frame that shows them, as the app's own marks.
      requestAnimationFrame(() => (globalThis.__previewsShownAt = performance.now()));
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  }, expected);
}

function meterSync(page) {
  const meter = { bytes: 0, requests: 0 };
  page.on('requestfinished', async (r) => {
    if (!r.url().includes('/_matrix/client/v3/sync')) return;
    meter.requests++;
    meter.bytes += (await r.sizes().catch(() => ({ responseBodySize: 0 }))).responseBodySize;
  });
  return meter;
}

async function emulate(page, profile) {
  if (!profile) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// The account: 200 rooms of bob's that alice joined, 30 messages each.
const seedStart = Date.now();
let bob;
let rooms = [];
/** The newest message of each of the rooms that change, as the room list should show it. */
let latest;
if (reuse) {
  ({ bob, rooms, latest } = JSON.parse(readFileSync(seedFile, 'utf8')));
} else {
  bob = await hs.registerUser('bob', 'bench-bob');
  const alice = await hs.registerUser('alice', 'bench-alice');
  for (let r = 0; r < ROOMS; r++) {
    const { room_id: roomId } = await api(bob.accessToken, 'POST', '/createRoom', { name: `Dossier ${r + 1}`, invite: [alice.userId], preset: 'private_chat' });
    await api(alice.accessToken, 'POST', `/join/${encodeURIComponent(roomId)}`, {});
    for (let m = 1; m <= MESSAGES; m++) await send(bob.accessToken, roomId, `Dossier ${r + 1}, message ${m}`);
    rooms.push(roomId);
  }
  latest = Object.fromEntries(rooms.slice(0, CHANGED).map((id, i) => [id, `Dossier ${i + 1}, message ${MESSAGES}`]));
  console.log(`seeded ${ROOMS} rooms × ${MESSAGES} messages in ${Math.round((Date.now() - seedStart) / 1000)} s`);
}
/** Tells this invocation's updates from an earlier one's (REUSE). */
const tag = Date.now().toString(36);
const saveSeed = () => writeFileSync(seedFile, JSON.stringify({ bob, rooms, latest }));
saveSeed();

const results = {};
for (const [name, profile] of Object.entries(PROFILES)) {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ baseURL: app.url });
    // Fresh login: everything from the homeserver.
    let page = await context.newPage();
    await emulate(page, profile);
    const fresh = meterSync(page);
    if (process.env.PROFILE) page.on('console', (m) => m.text().startsWith('PROFILE') && console.log('  fresh', Math.round(performance.now()), m.text()));
    await page.goto('/en/');
    await page.locator('input[name="homeserver"]').fill(hs.baseUrl);
    await page.locator('input[name="username"]').fill('alice');
    await page.locator('input[name="password"]').fill('bench-alice');
    const loginAt = Date.now();
    await page.locator('button[type="submit"]').click();
    await previewsShown(page, latest);
    const freshMs = Date.now() - loginAt;
    // Let the sync position be written, then close the app.
    await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'matrix-js-sdk:luxchat-sync'), null, { timeout: 60_000 });
    await page.waitForTimeout(3_000);
    const freshBytes = fresh.bytes;
    await page.close();

    // Away: 20 rooms get a message.
    const updates = {};
    for (let i = 0; i < CHANGED; i++) {
      const body = `${name} run ${run + 1} update ${i + 1} (${tag})`;
      await send(bob.accessToken, rooms[i], body);
      updates[rooms[i]] = body;
      latest[rooms[i]] = body;
    }
    saveSeed();
    // Away means a while: the homeserver is done with those messages when the app reopens.
    await new Promise((r) => setTimeout(r, 1_500));

    page = await context.newPage();
    await emulate(page, profile);
    const reopen = meterSync(page);
    if (process.env.PROFILE) page.on('console', (m) => m.text().startsWith('PROFILE') && console.log('  ', Math.round(performance.now()), m.text()));
    // CPUPROFILE=dir writes a CPU profile of each reopen (open it in Chromium's DevTools).
    const cdp = process.env.CPUPROFILE ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await recordPreviewsShown(page, updates);
    const openAt = Date.now();
    await page.goto('/en/');
    await previewsShown(page, updates);
    const reopenWallMs = Date.now() - openAt;
    await page.waitForFunction(() => globalThis.__previewsShownAt !== undefined);
    const reopenMs = Math.round(await page.evaluate(() => globalThis.__previewsShownAt));
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(process.env.CPUPROFILE, { recursive: true });
      writeFileSync(join(process.env.CPUPROFILE, `reopen-${name.replace(/\W/g, '')}-${run + 1}.cpuprofile`), JSON.stringify(profile));
    }
    // Where the time went, from the app's marks (ms since navigation start); the SDK's own first
    // sync is stored after the previews show (the resumed /sync stored them ahead of it).
    await page.waitForFunction(() => performance.getEntriesByName('luxchat:first-sync-stored').length > 0, null, { timeout: 30_000 }).catch(() => undefined);
    const steps = await page.evaluate(() =>
      Object.fromEntries(
        ['luxchat:rooms-painted', 'luxchat:resumed-sync-stored', 'luxchat:sdk-loaded', 'luxchat:stores-ready', 'luxchat:saved-sync-replayed', 'luxchat:first-sync', 'luxchat:first-sync-stored'].map(
          (n) => [n.replace('luxchat:', ''), Math.round(performance.getEntriesByName(n)[0]?.startTime ?? NaN)],
        ),
      ),
    );
    if (process.env.PROFILE) {
      const timings = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/_matrix/') || e.name.includes('.js') || e.name.includes('.wasm'))
          .map((e) => `${Math.round(e.startTime)}→${Math.round(e.responseEnd)} ${e.name.replace(/^https?:\/\/[^/]+/, '').slice(0, 90)}`),
      );
      console.log(timings.join('\n'));
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0].toJSON();
        return Object.fromEntries(['workerStart', 'fetchStart', 'responseStart', 'responseEnd', 'domInteractive', 'domContentLoadedEventEnd', 'loadEventEnd'].map((k) => [k, Math.round(n[k])]));
      });
      console.log('  navigation', JSON.stringify(nav));
    }
    await page.waitForTimeout(1_000);
    runs.push({ freshBytes, freshMs, reopenBytes: reopen.bytes, reopenMs, reopenWallMs, steps });
    console.log(
      `${name} run ${run + 1}: fresh login ${Math.round(freshBytes / 1024)} KiB, ${freshMs} ms · reopen ${Math.round(reopen.bytes / 1024)} KiB, ${reopenMs} ms (${reopenWallMs} ms from the harness)`,
    );
    console.log(`  reopen steps (ms): ${JSON.stringify(steps)}`);
    await page.close();
    await context.close();
  }
  results[name] = {
    runs,
    median: {
      freshKiB: median(runs.map((r) => r.freshBytes)) / 1024,
      freshMs: median(runs.map((r) => r.freshMs)),
      reopenKiB: median(runs.map((r) => r.reopenBytes)) / 1024,
      reopenMs: median(runs.map((r) => r.reopenMs)),
      reopenWallMs: median(runs.map((r) => r.reopenWallMs)),
    },
  };
}

await browser.close();
await app.close();
await hs.stop();

console.log(`\nReopen after ${CHANGED} of ${ROOMS} rooms changed (median of ${RUNS}):`);
console.log('network    | fresh login          | reopen              | reopen / fresh (bytes)');
for (const [name, { median: m }] of Object.entries(results)) {
  console.log(
    `${name.padEnd(10)} | ${m.freshKiB.toFixed(0).padStart(6)} KiB ${String(m.freshMs).padStart(6)} ms | ${m.reopenKiB.toFixed(1).padStart(6)} KiB ${String(m.reopenMs).padStart(5)} ms | ${(m.reopenKiB / m.freshKiB).toFixed(3)}`,
  );
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const file = join(root, 'bench', 'results', `resume-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ rooms: ROOMS, messagesPerRoom: MESSAGES, changed: CHANGED, runs: RUNS, results }, null, 2));
console.log(`written ${file}`);
