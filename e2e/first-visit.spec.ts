import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic } from '../scripts/serve.mjs';
import { fillLogin, messageBodies, roomButton } from './app';
import { newUser } from './homeserver';
import { cut } from './network';
import { HOMESERVER_URL } from './ports';
import { controlled } from './worker';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'out');
const KB = 1024;

/** Whether any cache of the page's origin holds the crypto .wasm. */
function wasmCached(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    for (const name of await caches.keys()) {
      if ((await (await caches.open(name)).keys()).some((r) => r.url.endsWith('.wasm'))) return true;
    }
    return false;
  });
}

/** The service worker's answer: every file of the app (beyond the shell) is cached. */
function appCached(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(e.data === true);
        navigator.serviceWorker.controller!.postMessage({ type: 'APP_CACHED' }, [channel.port2]);
      }),
  );
}

test('the login route loads at most 170 KB of JavaScript, gzipped', () => {
  const html = readFileSync(join(OUT, 'en', 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].filter((m) => !/\bnoModule\b/i.test(m[0])).map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(3);
  const gzipped = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(OUT, src)), { level: 9 }).length, 0);
  console.log(`login route: ${scripts.length} scripts, ${(gzipped / KB).toFixed(1)} KB gzipped`);
  expect(gzipped).toBeLessThanOrEqual(170 * KB);
  // Neither Dexie nor the SDK is among them.
  for (const src of scripts) {
    const code = readFileSync(join(OUT, src), 'utf8');
    expect(code, src).not.toContain('Dexie.Promise');
    expect(code, src).not.toContain('m.room.encrypted');
  }
});

test("the login screen paints before any of the app's scripts is requested, and its form then works", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/en/');
  await expect(page.getByRole('heading', { name: 'Log in to Luxchat' })).toBeVisible();
  // The first paint, then the scripts it lets go.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length)).toBe(1);
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('.js')).length))
    .toBeGreaterThan(3);
  const { paint, scripts } = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    scripts: performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({ name: e.name, start: e.startTime })),
  }));
  expect(scripts.length).toBeGreaterThan(3);
  expect(scripts.filter((s) => s.start < paint)).toEqual([]);
  // Then the app runs: the language switcher works only once the scripts have hydrated it.
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Se connecter à Luxchat' })).toBeVisible();
  await context.close();
});

test('what is typed into the login form before the scripts arrive is kept, and signs in', async ({ browser }) => {
  const user = await newUser('early');
  const context = await browser.newContext();
  const page = await context.newPage();
  // The scripts wait until the form is filled in: a slow phone on which the user is quicker.
  let release: () => void = () => undefined;
  const filled = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/**/*.js', async (route) => {
    await filled;
    await route.continue();
  });
  await page.goto('/en/');
  await page.locator('input[name="homeserver"]').fill(HOMESERVER_URL);
  await page.locator('input[name="username"]').fill(user.username);
  await page.locator('input[name="password"]').fill(user.password);
  await expect(page.locator('button[type="submit"]')).toBeDisabled();
  release();
  await page.locator('button[type="submit"]').click();
  await expect(page.getByText('No chats yet. Start one with “New message”.')).toBeVisible({ timeout: 30_000 });
  await context.close();
});

test('a first visit to the login screen costs under 500 KB, page and service worker together; after login the app opens offline, crypto included', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const user = await newUser('first-visit');
  const roomId = await user.api.createRoom('Field notes', []);
  await user.api.send(roomId, 'Bridge inspected, all fine');

  const server = await serveStatic({ port: 14192, homeserverUrl: HOMESERVER_URL });
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const page = await context.newPage();
    await page.goto('/en/');
    await expect(page.getByRole('heading', { name: 'Log in to Luxchat' })).toBeVisible();
    // The service worker has installed (its shell precached) and took the page.
    await controlled(page);
    // Until nothing more is downloaded for a second (bounded).
    let sent = server.bytesSent();
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(1_000);
      if (server.bytesSent() === sent) break;
      sent = server.bytesSent();
    }
    console.log(`first visit: ${(sent / KB).toFixed(1)} KB from the app's host`);
    expect(sent).toBeLessThan(500 * KB);
    expect(await wasmCached(page)).toBe(false);

    await fillLogin(page, user);
    await expect(roomButton(page, 'Field notes')).toBeVisible();
    await expect.poll(() => appCached(page), { timeout: 60_000 }).toBe(true);
    expect(await wasmCached(page)).toBe(true);

    // No app host and no homeserver: the chats, a room and the crypto WASM come from the device.
    await server.close();
    await cut(context, HOMESERVER_URL);
    const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'), { timeout: 30_000 });
    await page.reload();
    await roomButton(page, 'Field notes').click();
    await expect(messageBodies(page).filter({ hasText: 'Bridge inspected, all fine' })).toBeVisible();
    const wasmResponse = await wasm;
    expect(wasmResponse.status()).toBe(200);
    expect(wasmResponse.fromServiceWorker()).toBe(true);
  } finally {
    await context.close();
    await server.close();
  }
});
