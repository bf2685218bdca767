// `npm run bench:media`: sending a 12-megapixel photo. A Synapse of its own, alice and bob each
// in a browser, in an unencrypted and in an encrypted room. Each run: alice picks a 4000×3000
// JPEG (drawn with noise, as a camera's is hard to compress) and presses Send; measured from the
// press to the event on the homeserver, and to bob's page showing the picture; the bytes
// uploaded (picture and thumbnail, from the event's info) beside the original file's size.
// Medians of RUNS (5) runs. A benchmark, not a test: prints a table, writes JSON to bench/results/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../scripts/serve.mjs';
import { launchChromium, clientApi } from './harness.mjs';
import { startSynapse } from '../scripts/synapse.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 5);
const HS_PORT = 18120;
const APP_PORT = 14383;

if (!existsSync(join(root, 'out', 'index.html'))) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(1);
}

const hs = await startSynapse({ name: 'bench-media', port: HS_PORT, fresh: true, maxUploadSize: '50M' });
const app = await serveStatic({ port: APP_PORT, homeserverUrl: hs.baseUrl });
const browser = await launchChromium();

const api = clientApi(hs.baseUrl);

async function login(user, password) {
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await page.goto('/en/');
  await page.locator('input[name="homeserver"]').fill(hs.baseUrl);
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  const dialog = page.getByTestId('recovery-key-dialog');
  await dialog.waitFor({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'I have saved it' }).click();
  return page;
}

const bob = await hs.registerUser('bob', 'bench-bob');
const alice = await hs.registerUser('alice', 'bench-alice');
const bobPage = await login('bob', 'bench-bob');
const alicePage = await login('alice', 'bench-alice');
const rooms = {
  unencrypted: (await api(alice.accessToken, 'POST', '/createRoom', { name: 'Plain', invite: [bob.userId], preset: 'private_chat' })).room_id,
  encrypted: (
    await api(alice.accessToken, 'POST', '/createRoom', {
      name: 'Secret',
      invite: [bob.userId],
      preset: 'private_chat',
      initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
    })
  ).room_id,
};
for (const roomId of Object.values(rooms)) await api(bob.accessToken, 'POST', `/join/${encodeURIComponent(roomId)}`, {});

/** A 12-megapixel JPEG drawn in the page: shapes and noise, about what a phone photo weighs. */
const photo = Buffer.from(
  (
    await alicePage.evaluate(async () => {
      const canvas = new OffscreenCanvas(4000, 3000);
      const g = canvas.getContext('2d');
      for (let i = 0; i < 400; i++) {
        g.fillStyle = `hsl(${(i * 37) % 360} 60% ${30 + (i % 40)}%)`;
        g.fillRect((i * 97) % 4000, (i * 53) % 3000, 300, 200);
      }
      const noise = g.getImageData(0, 0, 4000, 3000);
      for (let i = 0; i < noise.data.length; i += 4) noise.data[i] = (noise.data[i] + Math.random() * 60) & 255;
      g.putImageData(noise, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    })
  ),
  'base64',
);
console.log(`photo: 4000×3000 JPEG, ${(photo.length / 1024).toFixed(0)} KiB`);

async function imageEvents(roomId) {
  const { chunk } = await api(bob.accessToken, 'GET', `/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=100`);
  return chunk.filter((e) => e.type === 'm.room.message' || e.type === 'm.room.encrypted');
}

const results = {};
for (const [kind, roomId] of Object.entries(rooms)) {
  const runs = [];
  for (const page of [alicePage, bobPage]) await page.goto(`/en/#/room/${encodeURIComponent(roomId)}`);
  await alicePage.getByRole('textbox', { name: 'Message' }).waitFor();
  for (let run = 0; run < RUNS; run++) {
    const before = (await imageEvents(roomId)).length;
    const shownBefore = await bobPage.locator('[data-testid="attachment-picture"][data-loaded]').count();
    await alicePage.getByTestId('attach-input').setInputFiles({ name: `photo-${run + 1}.jpg`, mimeType: 'image/jpeg', buffer: photo });
    const sendButton = alicePage.getByTestId('attachment-preview').getByRole('button', { name: 'Send' });
    await sendButton.waitFor();
    const start = Date.now();
    await sendButton.click();
    let onServerMs = NaN;
    for (let waited = 0; waited < 120_000; waited += 50) {
      if ((await imageEvents(roomId)).length > before) {
        onServerMs = Date.now() - start;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await bobPage.waitForFunction((n) => document.querySelectorAll('[data-testid="attachment-picture"][data-loaded]').length > n, shownBefore, { polling: 50, timeout: 120_000 });
    const shownMs = Date.now() - start;
    // What went up: the picture and its thumbnail, as alice's own event says.
    const info = await alicePage.evaluate(async () => {
      const rows = await new Promise((resolve) => {
        const open = indexedDB.open('luxchat');
        open.onsuccess = () => {
          const tx = open.result.transaction('events', 'readonly');
          const all = tx.objectStore('events').getAll();
          all.onsuccess = () => resolve(all.result);
        };
      });
      const mine = rows.filter((e) => e.msgtype === 'm.image').sort((a, b) => b.ts - a.ts)[0];
      return mine?.content?.info ?? null;
    });
    const uploaded = (info?.size ?? NaN) + (info?.thumbnail_info?.size ?? 0);
    runs.push({ onServerMs, shownMs, uploadedBytes: uploaded, originalBytes: photo.length, w: info?.w, h: info?.h });
    console.log(`${kind} run ${run + 1}: on the server ${onServerMs} ms, shown to bob ${shownMs} ms, uploaded ${(uploaded / 1024).toFixed(0)} KiB of ${(photo.length / 1024).toFixed(0)} KiB (${info?.w}×${info?.h})`);
  }
  results[kind] = runs;
}
await browser.close();
await app.close();
await hs.stop();

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const summary = { benchmark: 'media', date: new Date().toISOString(), photoBytes: photo.length, runs: RUNS, results };
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const file = join(root, 'bench', 'results', `media-${summary.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(summary, null, 2));
console.log(`\nA 12-megapixel JPEG (${(photo.length / 1024).toFixed(0)} KiB), median of ${RUNS}`);
console.log('room        | press → on the server | press → shown to bob | uploaded');
for (const [kind, runs] of Object.entries(results)) {
  const up = median(runs.map((r) => r.uploadedBytes));
  console.log(
    `${kind.padEnd(11)} | ${String(median(runs.map((r) => r.onServerMs))).padStart(15)} ms | ${String(median(runs.map((r) => r.shownMs))).padStart(14)} ms | ${(up / 1024).toFixed(0)} KiB (${((100 * up) / photo.length).toFixed(0)} % of the original)`,
  );
}
console.log(`written ${file}`);
