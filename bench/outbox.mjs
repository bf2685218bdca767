// `npm run bench:outbox`: time from the homeserver coming back to 100 queued messages
// delivered, beside the time to send the same 100 while online. Median of 5 of each, in
// headless Chromium against a local Synapse; the cut is a route abort (page and worker).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { serveStatic } from '../scripts/serve.mjs';
import { launchChromium } from './harness.mjs';
import { startSynapse } from '../scripts/synapse.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 5);
const COUNT = 100;
const OFFLINE_MS = Number(process.env.OFFLINE_MS ?? 5_000);

if (!existsSync(join(root, 'out', 'sw.js'))) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(1);
}
const bundle = await build({ entryPoints: [join(root, 'bench', 'enqueue.ts')], bundle: true, format: 'iife', globalName: 'LuxchatBench', write: false });

const hs = await startSynapse({ name: 'bench-outbox', port: 18060 });
const server = await serveStatic({ port: 14260, homeserverUrl: hs.baseUrl });
const browser = await launchChromium();
try {
  const alice = await hs.registerUser('alice', 'bench-pw');
  const bob = await hs.registerUser('bob', 'bench-pw');
  const api = async (who, method, path, body) => {
    const res = await fetch(`${hs.baseUrl}/_matrix/client/v3${path}`, {
      method,
      headers: { authorization: `Bearer ${who.accessToken}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    return res.json();
  };
  const { room_id: roomId } = await api(bob, 'POST', '/createRoom', { name: 'Bench', preset: 'private_chat', invite: [alice.userId] });
  await api(alice, 'POST', `/join/${encodeURIComponent(roomId)}`, {});
  const delivered = async (prefix) => {
    const { chunk } = await api(bob, 'GET', `/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=300`);
    return chunk.filter((e) => e.type === 'm.room.message' && e.content.body?.startsWith(`${prefix} `)).length;
  };
  const waitDelivered = async (prefix) => {
    for (let waited = 0; waited < 300_000; waited += 100) {
      if ((await delivered(prefix)) >= COUNT) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${prefix}: not delivered within 5 minutes`);
  };

  const context = await browser.newContext();
  const app = await context.newPage();
  await app.goto(`${server.url}/en/`);
  await app.locator('input[name="homeserver"]').fill(hs.baseUrl);
  await app.locator('input[name="username"]').fill('alice');
  await app.locator('input[name="password"]').fill('bench-pw');
  await app.locator('button[type="submit"]').click();
  await app.locator('[data-room-id]').first().click();
  await app.getByRole('textbox', { name: 'Message' }).waitFor();
  // A helper tab of the same origin that runs none of the app: it only queues.
  const helper = await context.newPage();
  await helper.goto(`${server.url}/manifest.webmanifest`);
  // Evaluated through the DevTools protocol: the page's CSP refuses inline script tags.
  await helper.evaluate(`${bundle.outputFiles[0].text}\n;globalThis.LuxchatBench = LuxchatBench;`);
  const enqueue = (prefix) => helper.evaluate(([r, p, n]) => globalThis.LuxchatBench.enqueueMany(r, p, n), [roomId, prefix, COUNT]);

  const online = [];
  const reconnect = [];
  for (let run = 1; run <= RUNS; run++) {
    let t0 = Date.now();
    await enqueue(`online-${run}`);
    await waitDelivered(`online-${run}`);
    online.push(Date.now() - t0);

    await context.route(`${hs.baseUrl}/**`, (r) => r.abort('internetdisconnected'));
    await enqueue(`offline-${run}`);
    await new Promise((r) => setTimeout(r, OFFLINE_MS));
    await context.unroute(`${hs.baseUrl}/**`);
    t0 = Date.now();
    await waitDelivered(`offline-${run}`);
    reconnect.push(Date.now() - t0);
    console.log(`run ${run}: online ${online.at(-1)} ms, after reconnect ${reconnect.at(-1)} ms`);
  }

  const stats = (values) => {
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s.at(-1), n: s.length };
  };
  const summary = {
    benchmark: 'outbox',
    date: new Date().toISOString(),
    setup: { messages: COUNT, runs: RUNS, offlineMs: OFFLINE_MS, homeserver: 'Synapse on loopback', room: 'unencrypted' },
    onlineSendMs: stats(online),
    reconnectToDeliveredMs: stats(reconnect),
    runs: online.map((o, i) => ({ onlineSendMs: o, reconnectToDeliveredMs: reconnect[i] })),
  };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const file = join(root, 'bench', 'results', `outbox-${summary.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(summary, null, 2));
  const row = (name, s) => `${name.padEnd(44)} ${String(s.median).padStart(7)} ms   (min ${s.min}, max ${s.max}, n=${s.n})`;
  console.log(`\n${COUNT} messages, median of ${RUNS}`);
  console.log(row('sent while online (queue → all delivered)', summary.onlineSendMs));
  console.log(row(`queued offline ${OFFLINE_MS / 1000} s (reconnect → all delivered)`, summary.reconnectToDeliveredMs));
  console.log(`\nwritten to ${file}`);
} finally {
  await browser.close();
  await server.close();
  await hs.stop();
}
