import { expect, test, type Page } from '@playwright/test';
import { echoConsole, loginThroughUi, messageBodies, roomButton, saveRecoveryKey, trackPageErrors, createdRoomId } from './app';
import { newUser, ownHomeserver } from './homeserver';
import { cut, flap, restore } from './network';
import { HOMESERVER_URL } from './ports';

async function typeMessages(page: Page, texts: string[]) {
  const composer = page.getByRole('textbox', { name: 'Message' });
  for (const text of texts) {
    await composer.fill(text);
    await composer.press('Enter');
    await expect(composer).toHaveValue('');
  }
}

const numbered = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

/** Alice in the browser, bob through the API, in a shared unencrypted room. */
async function aliceAndBob(page: Page, roomName: string, homeserver?: Awaited<ReturnType<typeof ownHomeserver>>) {
  const alice = homeserver ? await homeserver.users.create('alice') : await newUser('alice');
  const bob = homeserver ? await homeserver.users.create('bob') : await newUser('bob');
  const roomId = await bob.api.sharedRoom(roomName, alice.api);
  await loginThroughUi(page, alice, homeserver?.baseUrl ?? HOMESERVER_URL);
  await roomButton(page, roomName).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  return { alice, bob, roomId };
}

test('20 messages written offline survive a reload and reach bob exactly once, in order', async ({ page, context }) => {
  test.setTimeout(180_000);
  const errors = trackPageErrors(page);
  echoConsole(page, 'alice');
  const { bob, roomId } = await aliceAndBob(page, 'Terrain');
  const texts = numbered('Offline', 20);

  await cut(context, HOMESERVER_URL);
  await typeMessages(page, texts);
  await expect(page.locator('[data-pending]')).toHaveCount(20);
  await page.reload();
  await roomButton(page, 'Terrain').click();
  await expect(page.locator('[data-pending]')).toHaveCount(20);
  await expect(page.locator('[data-pending]').first().getByTestId('message-body')).toHaveText('Offline 1');
  expect(await bob.api.messages(roomId)).toEqual([]);

  await restore(context, HOMESERVER_URL);
  await expect.poll(() => bob.api.messages(roomId), { timeout: 120_000, intervals: [1_000] }).toEqual(texts);
  await expect(page.locator('[data-pending]')).toHaveCount(0, { timeout: 30_000 });
  await expect(messageBodies(page)).toHaveText(texts);
  expect(errors).toEqual([]);
});

test('a flapping network (cut and restored every 300 ms) delivers 50 messages exactly once, in order', async ({ page, context }) => {
  test.setTimeout(240_000);
  const { bob, roomId } = await aliceAndBob(page, 'Flap');
  const texts = numbered('Flap', 50);
  const stopFlapping = flap(context, HOMESERVER_URL, 300, 120_000);
  await typeMessages(page, texts);
  await page.waitForTimeout(10_000);
  await stopFlapping();
  await expect.poll(() => bob.api.messages(roomId), { timeout: 150_000, intervals: [1_000] }).toEqual(texts);
  await expect(page.locator('[data-pending]')).toHaveCount(0, { timeout: 30_000 });
});

test('the homeserver killed in the middle of a flush and restarted: nothing lost, nothing doubled', async ({ page }) => {
  test.setTimeout(240_000);
  const hs = await ownHomeserver('outbox-kill', 18041);
  try {
    const { bob, roomId } = await aliceAndBob(page, 'Crash', hs);
    const texts = numbered('Crash', 30);
    const typing = typeMessages(page, texts);
    await expect.poll(async () => (await bob.api.messages(roomId)).length, { intervals: [50] }).toBeGreaterThanOrEqual(3);
    await hs.kill();
    await typing;
    // The kill did land mid-flush: messages are waiting.
    expect(await page.locator('[data-pending]').count()).toBeGreaterThan(0);
    await hs.restart();
    await expect.poll(() => bob.api.messages(roomId), { timeout: 150_000, intervals: [1_000] }).toEqual(texts);
    await expect(page.locator('[data-pending]')).toHaveCount(0, { timeout: 30_000 });
  } finally {
    await hs.dispose();
  }
});

test('with rate limits on, a burst of 30 messages is delivered completely, honouring 429', async ({ page }) => {
  test.setTimeout(240_000);
  const hs = await ownHomeserver('outbox-ratelimit', 18042, { messageRate: { perSecond: 2, burst: 5 } });
  try {
    const limited: number[] = [];
    page.on('response', (r) => {
      if (r.status() === 429) limited.push(Date.now());
    });
    const { bob, roomId } = await aliceAndBob(page, 'Burst', hs);
    const texts = numbered('Burst', 30);
    await typeMessages(page, texts);
    await expect.poll(() => bob.api.messages(roomId), { timeout: 120_000, intervals: [1_000] }).toEqual(texts);
    // Synapse did refuse some, and they went out later anyway.
    expect(limited.length).toBeGreaterThan(0);
  } finally {
    await hs.dispose();
  }
});

test('a message queued offline for an encrypted room reaches the server encrypted', async ({ page, context }) => {
  test.setTimeout(120_000);
  const admin = await newUser('admin', true);
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  await loginThroughUi(page, alice);
  await page.getByRole('button', { name: 'New message' }).click();
  await page.getByLabel('User ID').fill(bob.userId);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByTestId('room-encrypted')).toBeVisible();
  const roomId = await createdRoomId(page);

  await cut(context, HOMESERVER_URL);
  await typeMessages(page, ['Geheimer Termin um 9 Auer']);
  await expect(page.locator('[data-pending]')).toHaveCount(1);
  await restore(context, HOMESERVER_URL);
  await expect(page.locator('[data-pending]')).toHaveCount(0, { timeout: 90_000 });

  const res = await fetch(`${HOMESERVER_URL}/_synapse/admin/v1/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=100`, {
    headers: { authorization: `Bearer ${admin.accessToken}` },
  });
  const { chunk } = (await res.json()) as { chunk: { type: string; state_key?: string }[] };
  const timeline = chunk.filter((e) => e.state_key === undefined);
  expect(timeline.length).toBeGreaterThan(0);
  expect(new Set(timeline.map((e) => e.type))).toEqual(new Set(['m.room.encrypted']));
  expect(JSON.stringify(chunk)).not.toContain('Geheimer Termin');
});

test('logout with unsent messages warns first, and afterwards nothing is sent', async ({ page, context }) => {
  test.setTimeout(120_000);
  const { bob, roomId } = await aliceAndBob(page, 'Fortgoen');
  await saveRecoveryKey(page);
  await cut(context, HOMESERVER_URL);
  await typeMessages(page, ['Ni geschéckt']);
  await expect(page.getByTestId('connection-status')).toContainText('1 message waiting');

  const dialogs: string[] = [];
  page.once('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect.poll(() => dialogs).toEqual(['1 message has not been sent yet and will be lost. Log out anyway?']);
  // Dismissed: still signed in, the message still waiting.
  await expect(page.locator('[data-pending]')).toHaveCount(1);

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in to Luxchat' })).toBeVisible({ timeout: 30_000 });
  await restore(context, HOMESERVER_URL);
  await page.waitForTimeout(5_000);
  expect(await bob.api.messages(roomId)).toEqual([]);
});
