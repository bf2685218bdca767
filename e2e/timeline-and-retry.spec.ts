import { expect, test } from '@playwright/test';
import { echoConsole, loginThroughUi, messageBodies, roomButton, saveRecoveryKey, trackPageErrors } from './app';
import { newUser } from './homeserver';
import { HOMESERVER_URL } from './ports';

test('reading history stays put when a message arrives; a button jumps to it', async ({ page }) => {
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const room = await bob.api.sharedRoom('Archiv', alice.api);
  for (let i = 1; i <= 40; i++) await bob.api.send(room, `Message ${i}`);
  const errors = trackPageErrors(page);
  await page.setViewportSize({ width: 1000, height: 500 });
  await loginThroughUi(page, alice);
  await roomButton(page, 'Archiv').click();
  await expect(messageBodies(page).last()).toHaveText('Message 40');

  const timeline = page.getByTestId('timeline');
  await timeline.evaluate((el) => el.scrollTo({ top: 0 }));
  await page.waitForTimeout(300);
  const top = () => timeline.evaluate((el) => el.scrollTop);
  const before = await top();
  await bob.api.send(room, 'Nei Message');
  await expect(messageBodies(page).last()).toHaveText('Nei Message');
  await expect(page.getByTestId('new-messages')).toBeVisible();
  expect(await top()).toBe(before);
  await page.getByTestId('new-messages').click();
  await expect(page.getByTestId('new-messages')).toHaveCount(0);
  await expect(messageBodies(page).last()).toBeInViewport();

  // At the bottom, the next one scrolls into view by itself.
  await bob.api.send(room, 'Nach eng');
  await expect(messageBodies(page).last()).toHaveText('Nach eng');
  await expect(messageBodies(page).last()).toBeInViewport();
  await expect(page.getByTestId('new-messages')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('"Retry" on a refused message sends it at once', async ({ context }) => {
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const room = await bob.api.sharedRoom('Büro', alice.api);
  const page = await context.newPage();
  await loginThroughUi(page, alice);
  await saveRecoveryKey(page);
  await roomButton(page, 'Büro').click();
  const send = `${HOMESERVER_URL}/_matrix/client/v3/rooms/*/send/**`;
  // Refused once, as a homeserver refuses an event it will not take.
  await context.route(send, (r) =>
    r.fulfill({
      status: 400,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ errcode: 'M_UNKNOWN', error: 'refused' }),
    }),
  );
  await page.getByRole('textbox', { name: 'Message' }).fill('Nach eng Kéier');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(page.locator('[data-pending="failed"]')).toBeVisible();
  await context.unroute(send);
  await page.getByRole('button', { name: 'Retry' }).click();
  // Nothing else happens meanwhile: no sync wake-up, no new message to piggy-back on.
  await expect.poll(() => bob.api.messages(room), { timeout: 5_000 }).toEqual(['Nach eng Kéier']);
});

test('a sync that cannot start says so and starts on "Try again"', async ({ context }) => {
  test.setTimeout(120_000);
  const alice = await newUser('alice');
  // The crypto WASM cannot be fetched (nor precached): the client cannot start.
  const wasm = '**/*.wasm';
  await context.route(wasm, (r) => r.abort('internetdisconnected'));
  const page = await context.newPage();
  echoConsole(page, 'alice');
  await loginThroughUi(page, alice);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await expect(page.getByTestId('connection-status')).toContainText('Could not connect');
  await context.unroute(wasm);
  await page.getByTestId('connection-status').getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('connection-status')).toHaveCount(0, { timeout: 60_000 });
});
