import { expect, test } from '@playwright/test';
import { fillLogin, loginThroughUi, recoveryKeyBanner, saveRecoveryKey, trackPageErrors } from './app';
import { newUser } from './homeserver';
import { APP_URL, HOMESERVER_URL } from './ports';
import { sessionRow } from './store';

test('a wrong password shows the localised error, in Luxembourgish and in English', async ({ page }) => {
  const errors = trackPageErrors(page);
  const user = await newUser('pw');
  await page.goto('/lb/');
  await fillLogin(page, { username: user.username, password: 'not-the-password' });
  await expect(page.getByTestId('login-error')).toHaveText('Falsche Benotzernumm oder falscht Passwuert.');

  await page.goto('/en/');
  await fillLogin(page, { username: user.username, password: 'not-the-password' });
  await expect(page.getByTestId('login-error')).toHaveText('Wrong username or password.');
  expect(errors).toEqual([]);
});

test('an unreachable homeserver and a server that is not Matrix each say so', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('/en/');
  // Port 9 on loopback: nothing listens there.
  await fillLogin(page, { username: 'x', password: 'y' }, 'http://127.0.0.1:9');
  await expect(page.getByTestId('login-error')).toHaveText(
    'The server cannot be reached. Check the address and your connection.',
  );
  // The app's own static server answers HTTP, but not the Matrix API.
  await fillLogin(page, { username: 'x', password: 'y' }, APP_URL);
  await expect(page.getByTestId('login-error')).toHaveText('This is not a Matrix server.');
  expect(errors).toEqual([]);
});

test('empty fields are refused before anything is sent', async ({ page }) => {
  await page.goto('/de/');
  // The screen may ask the server how users sign in (GET); nothing is sent to it (POST).
  let requests = 0;
  page.on('request', (r) => {
    if (r.url().startsWith(HOMESERVER_URL) && r.method() !== 'GET') requests++;
  });
  await fillLogin(page, { username: '', password: '' });
  await expect(page.getByTestId('login-error')).toHaveText('Bitte füllen Sie alle Felder aus.');
  expect(requests).toBe(0);
});

test('a server name is resolved through .well-known, and the session survives a reload', async ({ page }) => {
  const errors = trackPageErrors(page);
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(r.url());
  });
  const user = await newUser('reload');
  await page.goto('/en/');
  await expect(page.getByRole('heading', { name: 'Log in to Luxchat' })).toBeVisible();
  // The crypto WASM is not part of the login screen.
  expect(wasm).toEqual([]);
  // A bare server name: the app's origin serves .well-known/matrix/client pointing at Synapse.
  await fillLogin(page, user, new URL(APP_URL).host);
  await expect(page.getByText('No chats yet. Start one with “New message”.')).toBeVisible();
  await expect.poll(() => wasm.length, { message: 'crypto WASM loads after login' }).toBeGreaterThan(0);

  await page.reload();
  await expect(page.getByText('No chats yet. Start one with “New message”.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Log in to Luxchat' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('logout ends the session and leaves nothing of the app on the device', async ({ page }) => {
  const user = await newUser('logout');
  await loginThroughUi(page, user);
  await saveRecoveryKey(page);
  // Wait until the client has created its stores, so the wipe has something to remove.
  await expect
    .poll(async () => (await page.evaluate(() => indexedDB.databases())).map((d) => d.name).sort().join(','))
    .toContain('luxchat-crypto');
  await page.evaluate(async () => (await caches.open('luxchat-probe')).put('/probe', new Response('x')));
  const { accessToken: token } = await sessionRow(page);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in to Luxchat' })).toBeVisible();

  expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
  // Only the service worker's app shell may remain: the build's own files, no user data.
  const cached = await page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    }
    return out;
  });
  for (const [name, paths] of Object.entries(cached)) {
    expect(name).toMatch(/^(workbox-precache-|luxchat-app$)/);
    for (const path of paths) expect(path).toMatch(/^\/(_next\/|icons\/|(lb|fr|de|en|_not-found|404)\/|index\.|404\.|manifest|__next)/);
  }
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Log in to Luxchat' })).toBeVisible();

  // The session's access token no longer works on the homeserver.
  const whoami = await fetch(`${HOMESERVER_URL}/_matrix/client/v3/account/whoami`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(whoami.status).toBe(401);
});

test('the root page follows the browser language, else English', async ({ browser }) => {
  for (const [languages, expected] of [
    ['fr-FR', '/fr/'],
    ['de-LU', '/de/'],
    ['es-ES', '/en/'],
  ] as const) {
    const context = await browser.newContext({ locale: languages });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`${expected}$`));
    await context.close();
  }
});

test('logout warns while the recovery key has not been saved', async ({ page }) => {
  const user = await newUser('unsaved');
  await loginThroughUi(page, user);
  await expect(recoveryKeyBanner(page)).toBeVisible({ timeout: 30_000 });
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect.poll(() => dialogs).toEqual([
    'You have not saved your recovery key: without it you may not be able to read your encrypted messages again. Log out anyway?',
  ]);
  // Dismissed: still signed in.
  await expect(page.getByRole('heading', { name: 'Log in to Luxchat' })).toHaveCount(0);
  await expect(recoveryKeyBanner(page)).toBeVisible();
});

test('the language switcher changes the language, and the choice is remembered', async ({ page }) => {
  await page.goto('/en/');
  await page.getByLabel('Language').selectOption('lb');
  await expect(page).toHaveURL(/\/lb\/$/);
  await expect(page.getByRole('heading', { name: 'Bei Luxchat aloggen' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/lb\/$/);
  await page.getByLabel('Sprooch').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Se connecter à Luxchat' })).toBeVisible();
});
