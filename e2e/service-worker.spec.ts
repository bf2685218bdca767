import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { buildServiceWorker } from '../scripts/build-sw.mjs';
import { serveStatic } from '../scripts/serve.mjs';
import { loginThroughUi, roomButton } from './app';
import { newUser } from './homeserver';
import { HOMESERVER_URL } from './ports';
import { controlled } from './worker';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'out');

function workerVersion(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(e.data as string);
        navigator.serviceWorker.controller!.postMessage({ type: 'GET_VERSION' }, [channel.port2]);
      }),
  );
}

test('after a first visit the app opens with the static server stopped, in lb and in en', async ({ browser }) => {
  const server = await serveStatic({ port: 14190, homeserverUrl: HOMESERVER_URL });
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const page = await context.newPage();
    await page.goto('/lb/');
    await controlled(page);
    await server.close();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Bei Luxchat aloggen' })).toBeVisible();
    await page.goto('/en/');
    await expect(page.getByRole('heading', { name: 'Log in to Luxchat' })).toBeVisible();
    await page.goto('/de/');
    await expect(page.getByRole('heading', { name: 'Bei Luxchat anmelden' })).toBeVisible();
    await page.goto('/fr/');
    await expect(page.getByRole('heading', { name: 'Se connecter à Luxchat' })).toBeVisible();
    // The root page too, which forwards to a language.
    await page.goto('/');
    await expect(page).toHaveURL(/\/(lb|fr|de|en)\/$/);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a published new version shows the update prompt; accepting runs it and keeps the draft', async ({ browser }) => {
  test.setTimeout(120_000);
  const dirA = mkdtempSync(join(tmpdir(), 'luxchat-a-'));
  const dirB = mkdtempSync(join(tmpdir(), 'luxchat-b-'));
  cpSync(OUT, dirA, { recursive: true });
  cpSync(OUT, dirB, { recursive: true });
  await buildServiceWorker({ dir: dirA, buildId: 'version-a' });
  await buildServiceWorker({ dir: dirB, buildId: 'version-b' });
  const server = await serveStatic({ port: 14191, dir: dirA, homeserverUrl: HOMESERVER_URL });
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const alice = await newUser('alice');
    const bob = await newUser('bob');
    await bob.api.sharedRoom('Entworf', alice.api);
    const page = await context.newPage();
    await loginThroughUi(page, alice);
    await controlled(page);
    expect(await workerVersion(page)).toBe('version-a');
    await roomButton(page, 'Entworf').click();
    await page.getByRole('textbox', { name: 'Message' }).fill('Nach net fäerdeg');

    server.setDir(dirB);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(page.getByTestId('update-prompt')).toBeVisible({ timeout: 30_000 });
    // Waiting, not in charge: the old version still runs until the user says so.
    expect(await workerVersion(page)).toBe('version-a');
    await page.getByTestId('update-prompt').getByRole('button', { name: 'Reload' }).click();
    await page.waitForEvent('load');
    await controlled(page);
    expect(await workerVersion(page)).toBe('version-b');
    await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('Nach net fäerdeg');
  } finally {
    await context.close();
    await server.close();
    rmSync(dirA, { recursive: true, force: true });
    rmSync(dirB, { recursive: true, force: true });
  }
});
