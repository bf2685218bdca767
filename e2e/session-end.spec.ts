import { expect, test } from '@playwright/test';
import { echoConsole, loginThroughUi, messageBodies, roomButton, saveRecoveryKey, trackPageErrors } from './app';
import { newUser } from './homeserver';
import { HOMESERVER_URL } from './ports';
import { databaseNames, sessionRow } from './store';

/** The app's databases: ours, the SDK's sync store and the crypto store. */
const APP_DATABASE = /^(luxchat|matrix-js-sdk)/;

test('logout in a tab that does not sync ends the session in every tab and leaves no database', async ({ context }) => {
  test.setTimeout(90_000);
  const alice = await newUser('alice');
  const syncing = await context.newPage();
  const other = await context.newPage();
  const errors = [syncing, other].map(trackPageErrors);
  echoConsole(syncing, 'syncing');
  await loginThroughUi(syncing, alice);
  await saveRecoveryKey(syncing);
  await expect.poll(async () => (await databaseNames(syncing)).join(',')).toContain('matrix-js-sdk:luxchat-sync');
  await other.goto('/en/');
  await expect(other.getByRole('button', { name: 'Settings', exact: true })).toBeVisible();

  await other.getByRole('button', { name: 'Settings', exact: true }).click();
  await other.getByRole('button', { name: 'Log out' }).click();
  for (const page of [syncing, other]) {
    await expect(page.getByRole('heading', { name: 'Log in to Luxchat' })).toBeVisible({ timeout: 15_000 });
  }
  await syncing.waitForTimeout(15_000);
  for (const page of [syncing, other]) {
    expect((await databaseNames(page)).filter((n) => APP_DATABASE.test(n))).toEqual([]);
    await expect(page.getByRole('heading', { name: 'Log in to Luxchat' })).toBeVisible();
  }
  expect(errors.flat()).toEqual([]);
});

test('a device deleted on the server (admin API) shows that the session ended, and wipes the device', async ({ page }) => {
  test.setTimeout(90_000);
  const admin = await newUser('admin', true);
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const room = await bob.api.sharedRoom('Büro', alice.api);
  echoConsole(page, 'alice');
  await loginThroughUi(page, alice);
  await expect(roomButton(page, 'Büro')).toBeVisible();
  const { deviceId } = await sessionRow(page);

  const res = await fetch(
    `${HOMESERVER_URL}/_synapse/admin/v2/users/${encodeURIComponent(alice.userId)}/devices/${encodeURIComponent(deviceId)}`,
    { method: 'DELETE', headers: { authorization: `Bearer ${admin.accessToken}` } },
  );
  expect(res.status).toBe(200);
  // Wakes the long-polling sync, whose next request is refused.
  await bob.api.send(room, 'Moien');
  await expect(page.getByTestId('session-ended-notice')).toHaveText('Your session has ended. Please log in again.', { timeout: 45_000 });
  await expect.poll(async () => (await databaseNames(page)).filter((n) => APP_DATABASE.test(n))).toEqual([]);
});

test('a soft logout keeps the data and the queued messages, which go out after signing in again', async ({ context }) => {
  test.setTimeout(90_000);
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const room = await bob.api.sharedRoom('Büro', alice.api);
  await bob.api.send(room, 'Moien');
  const page = await context.newPage();
  echoConsole(page, 'alice');
  await loginThroughUi(page, alice);
  await roomButton(page, 'Büro').click();
  await expect(messageBodies(page)).toHaveText(['Moien']);

  // Sends are answered "unavailable", so the message waits in the outbox (an answer, not
  // silence: the client must not take the whole homeserver for unreachable, its sync goes on).
  const send = `${HOMESERVER_URL}/_matrix/client/v3/rooms/*/send/**`;
  await context.route(send, (r) =>
    r.fulfill({ status: 503, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify({ errcode: 'M_UNKNOWN', error: 'Unavailable' }) }),
  );
  await page.getByRole('textbox', { name: 'Message' }).fill('Ech sinn nach do');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(page.locator('[data-pending]')).toHaveCount(1);
  // The homeserver's answer to a session it ended softly: injected on every /sync, so that a
  // renewed token is refused too and only signing in again helps.
  const sync = `${HOMESERVER_URL}/_matrix/client/v3/sync**`;
  await context.route(sync, (r) =>
    r.fulfill({
      status: 401,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ errcode: 'M_UNKNOWN_TOKEN', error: 'Token expired', soft_logout: true }),
    }),
  );
  await bob.api.send(room, 'Bass de do?');
  await expect(page.getByTestId('session-ended')).toBeVisible({ timeout: 45_000 });
  await context.unroute(sync);
  await context.unroute(send);

  await page.getByLabel('Password').fill(alice.password);
  await page.getByRole('button', { name: 'Log in again' }).click();
  await expect(page.getByTestId('session-ended')).toHaveCount(0);
  await roomButton(page, 'Büro').click();
  await expect.poll(() => bob.api.messages(room), { timeout: 30_000 }).toEqual(['Moien', 'Bass de do?', 'Ech sinn nach do']);
  await expect(messageBodies(page).last()).toHaveText('Ech sinn nach do');
  await page.waitForTimeout(2_000);
  expect(await bob.api.messages(room)).toEqual(['Moien', 'Bass de do?', 'Ech sinn nach do']);
});
