import { expect, test, type BrowserContext } from '@playwright/test';
import { loginThroughUi, roomButton, openRoomId } from './app';
import { newUser } from './homeserver';
import { cut, restore } from './network';
import { APP_URL, HOMESERVER_URL } from './ports';

/**
 * Fires the outbox's Background Sync in the service worker, as Chromium does when it is back
 * online, from a page of the origin that runs none of the app (the manifest).
 */
async function fireBackgroundSync(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto(`${APP_URL}/manifest.webmanifest`);
  const cdp = await context.newCDPSession(page);
  const registrationId = await new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL.startsWith(APP_URL) && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
    void cdp.send('ServiceWorker.enable');
  });
  await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: APP_URL, registrationId, tag: 'luxchat-outbox', lastChance: false });
  await page.close();
}

test('with every tab closed, the service worker delivers what was queued offline; never into an encrypted room', async ({ context }) => {
  test.setTimeout(120_000);
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const openRoom = await bob.api.sharedRoom('Dehaem', alice.api);

  const page = await context.newPage();
  await loginThroughUi(page, alice);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // An encrypted DM too, whose message the worker must leave to the page.
  await page.getByRole('button', { name: 'New message' }).click();
  await page.getByLabel('User ID').fill(bob.userId);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByTestId('room-encrypted')).toBeVisible();
  const secretRoom = openRoomId(page);
  await bob.api.join(secretRoom);

  await cut(context, HOMESERVER_URL);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Nëmme fir Iech');
  await composer.press('Enter');
  await roomButton(page, 'Dehaem').click();
  await composer.fill('Ech sinn ënnerwee');
  await composer.press('Enter');
  await expect(page.locator('[data-pending]')).toHaveCount(1);
  await page.close();

  await restore(context, HOMESERVER_URL);
  await fireBackgroundSync(context);
  await expect.poll(() => bob.api.messages(openRoom), { timeout: 30_000 }).toEqual(['Ech sinn ënnerwee']);
  // The encrypted room's message waits for a page, which encrypts it.
  const secretEvents = await bob.api.call<{ chunk: { type: string; state_key?: string }[] }>(
    'GET',
    `/rooms/${encodeURIComponent(secretRoom)}/messages?dir=b&limit=50`,
  );
  expect(secretEvents.chunk.filter((e) => e.state_key === undefined)).toEqual([]);

  const again = await context.newPage();
  await again.goto('/en/');
  await expect(again.getByTestId('connection-status')).toHaveCount(0, { timeout: 60_000 });
  await expect
    .poll(async () => {
      const { chunk } = await bob.api.call<{ chunk: { type: string; state_key?: string }[] }>(
        'GET',
        `/rooms/${encodeURIComponent(secretRoom)}/messages?dir=b&limit=50`,
      );
      return chunk.filter((e) => e.state_key === undefined).map((e) => e.type);
    }, { timeout: 60_000 })
    .toEqual(['m.room.encrypted']);
  // And the open room's message was not sent a second time by the page.
  expect(await bob.api.messages(openRoom)).toEqual(['Ech sinn ënnerwee']);
});
