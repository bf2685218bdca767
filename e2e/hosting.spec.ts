import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveStatic } from '../scripts/serve.mjs';
import { APP_URL } from './ports';

test('a static host that answers unknown paths with the root page serves /en/ without a redirect loop', async ({ browser }) => {
  const server = await serveStatic({ port: 14191, singlePage: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  // Documents loaded in the tab: a loop would load them again and again.
  const navigations: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations.push(request.url());
  });
  try {
    await page.goto(`${server.url}/en/`);
    await expect(page.locator('input[name="password"]')).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/en/index.html');
    await page.waitForTimeout(1_000);
    // The root page stood in for /en/, then the language's page itself: no more.
    expect(navigations, navigations.join(' → ')).toHaveLength(2);

    // From the root, the same: the language's page, once.
    navigations.length = 0;
    await page.goto(`${server.url}/`);
    await expect(page.locator('input[name="password"]')).toBeVisible();
    await page.waitForTimeout(1_000);
    expect(navigations.length, navigations.join(' → ')).toBeLessThanOrEqual(3);
  } finally {
    await context.close();
    await server.close();
  }
});

test('Chromium finds the app installable: no installability errors, a manifest with id, maskable icons and screenshots', async ({ playwright }, testInfo) => {
  // A profile on disk: Chromium never offers to install from an incognito context (the default).
  const profile = mkdtempSync(join(tmpdir(), 'luxchat-install-'));
  const { launchOptions } = testInfo.project.use;
  const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL: APP_URL });
  try {
    const page = await context.newPage();
    await page.goto('/en/');
    await expect(page.locator('input[name="password"]')).toBeVisible();
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await (await page.request.get('/manifest.webmanifest')).json();
    expect(manifest.id).toBe('/');
    const maskable = (manifest.icons as { purpose?: string; sizes: string }[]).filter((i) => i.purpose?.includes('maskable')).map((i) => i.sizes);
    expect(maskable).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const screenshots = manifest.screenshots as { form_factor?: string; src: string }[];
    expect(screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
    for (const shot of [...screenshots, ...manifest.icons]) expect((await page.request.get(shot.src)).ok(), shot.src).toBe(true);
    expect(manifest.shortcuts?.[0]?.url).toBe('/#/new-message');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the login form is in the pre-rendered HTML of each language', async ({ request }) => {
  const lb = await (await request.get('/lb/index.html')).text();
  for (const label of ['Bei Luxchat aloggen', 'Benotzernumm', 'Passwuert', 'Aloggen']) expect(lb).toContain(label);
  expect(lb).toContain('name="password"');
  const fr = await (await request.get('/fr/index.html')).text();
  expect(fr).toContain('name="password"');
  expect(fr).not.toContain('Benotzernumm');
});
