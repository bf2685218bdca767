import { expect, test } from '@playwright/test';
import { roomButton, trackPageErrors } from './app';
import { ownHomeserver } from './homeserver';
import { startOidcProvider } from './oidcProvider';
import { APP_URL, HOMESERVER_URL } from './ports';
import { sessionRow } from './store';

const HOMESERVER_PORT = 18060;
const PROVIDER_PORT = 18061;

test('single sign-on through a local OpenID Connect provider ends in the chat screen with the user’s rooms', async ({ page }) => {
  test.setTimeout(120_000);
  // The provider knows one user, whose login is set once the homeserver has made the account.
  const user = { login: '', name: 'Carla SSO' };
  const provider = await startOidcProvider({ port: PROVIDER_PORT, homeserverUrl: `http://127.0.0.1:${HOMESERVER_PORT}`, user });
  const hs = await ownHomeserver('sso', HOMESERVER_PORT, { extraConfig: provider.synapseConfig({ id: 'luxid', name: 'LuxID' }, APP_URL) });
  try {
    const errors = trackPageErrors(page);
    // An account that already has a room: signing on through the provider gets into it.
    const carla = await hs.users.create('carla');
    const bob = await hs.users.create('bob');
    user.login = carla.username;
    await bob.api.sharedRoom('Équipe SSO', carla.api);

    await page.goto('/en/');
    await page.locator('input[name="homeserver"]').fill(hs.baseUrl);
    const sso = page.getByRole('button', { name: 'Continue with LuxID' });
    await expect(sso).toBeVisible();
    // This homeserver offers passwords too: that form stays.
    await expect(page.locator('input[name="password"]')).toBeVisible();
    await sso.click();

    // The provider's own pages: its login form, then its consent.
    await page.waitForURL(`http://127.0.0.1:${PROVIDER_PORT}/**`);
    await page.locator('input[name="login"]').fill(carla.username);
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Back through the homeserver to the app's return page, then the chats.
    await expect(roomButton(page, 'Équipe SSO')).toBeVisible({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/en/');
    expect(page.url()).not.toContain('loginToken');
    expect((await sessionRow(page)).userId).toBe(carla.userId);
    expect(errors).toEqual([]);
  } finally {
    await hs.dispose();
    await provider.stop();
  }
});

test('a return to the single sign-on page without this tab’s state is refused, and nothing is signed in', async ({ page }) => {
  await page.goto('/en/sso/?state=forged&loginToken=someone-elses-token');
  await expect(page.getByTestId('login-error')).toHaveText('The single sign-on was not completed. Please try again.');
  expect(page.url()).not.toContain('loginToken');
  await page.getByRole('link', { name: 'Back to the login' }).click();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
});

test('a homeserver that offers single sign-on alone shows no password form; one that offers nothing usable says so', async ({ page }) => {
  let flows: unknown[] = [{ type: 'm.login.sso' }];
  await page.route(`${HOMESERVER_URL}/_matrix/client/v3/login`, (route) =>
    route.request().method() === 'GET' ? route.fulfill({ json: { flows } }) : route.continue(),
  );
  await page.goto('/fr/');
  await page.locator('input[name="homeserver"]').fill(HOMESERVER_URL);
  await expect(page.getByRole('button', { name: "Continuer avec l'authentification unique" })).toBeVisible();
  await expect(page.locator('input[name="password"]')).toHaveCount(0);

  flows = [{ type: 'm.login.recaptcha' }];
  await page.locator('input[name="homeserver"]').fill(`${HOMESERVER_URL}/`);
  await expect(page.getByTestId('login-error')).toHaveText('Ce serveur ne propose aucun mode de connexion pris en charge par Luxchat.');
  await expect(page.getByTestId('sso-providers')).toHaveCount(0);
});
