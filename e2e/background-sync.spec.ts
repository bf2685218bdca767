import { expect, test, type BrowserContext } from '@playwright/test';
import { loginThroughUi, roomButton, createdRoomId } from './app';
import { newUser } from './homeserver';
import { cut, restore } from './network';
import { APP_URL, HOMESERVER_URL } from './ports';
import { workerOutsideTheApp } from './worker';

/**
 * Fires the outbox's Background Sync in the service worker, as Chromium does when it is back
 * online, from a page of the origin that runs none of the app (the manifest).
 */
async function fireBackgroundSync(context: BrowserContext) {
  const { page, cdp, registrationId } = await workerOutsideTheApp(context);
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
  const secretRoom = await createdRoomId(page);
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

test('a room encrypted by the other side while this device was offline gets no plaintext from the service worker', async ({ context }) => {
  test.setTimeout(120_000);
  const admin = await newUser('admin', true);
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const roomId = await bob.api.sharedRoom('Dehaem', alice.api);

  const page = await context.newPage();
  await loginThroughUi(page, alice);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await roomButton(page, 'Dehaem').click();
  await expect(page.getByTestId('room-encrypted')).toHaveCount(0);
  await cut(context, HOMESERVER_URL);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Nëmmen tëscht eis');
  await composer.press('Enter');
  await expect(page.locator('[data-pending]')).toHaveCount(1);
  await page.close();

  // While this device is away, bob turns encryption on.
  await bob.api.call('PUT', `/rooms/${encodeURIComponent(roomId)}/state/m.room.encryption/`, { algorithm: 'm.megolm.v1.aes-sha2' });
  await restore(context, HOMESERVER_URL);
  await fireBackgroundSync(context);
  await new Promise((r) => setTimeout(r, 3_000));

  const fromAlice = async () => {
    const res = await fetch(`${HOMESERVER_URL}/_synapse/admin/v1/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=100`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    const { chunk } = (await res.json()) as { chunk: { type: string; sender: string; state_key?: string }[] };
    return chunk.filter((e) => e.sender === alice.userId && e.state_key === undefined).map((e) => e.type);
  };
  expect(await fromAlice()).toEqual([]);

  // A page sends it, encrypted.
  const again = await context.newPage();
  await again.goto('/en/');
  await expect.poll(fromAlice, { timeout: 60_000 }).toEqual(['m.room.encrypted']);
});
