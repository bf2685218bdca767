import { expect, test, type Browser, type Page } from '@playwright/test';
import { echoConsole, loginThroughUi, messageBodies, roomButton, saveRecoveryKey, trackPageErrors, createdRoomId, recoveryKeyBanner } from './app';
import { newUser, type TestUser } from './homeserver';
import { cut, restore } from './network';
import { HOMESERVER_URL } from './ports';
import { deviceStorageContains } from './store';

/** Logs in on a new device (its own browser context). */
async function device(browser: Browser, user: TestUser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  echoConsole(page, name);
  const errors = trackPageErrors(page);
  await loginThroughUi(page, user);
  return { context, page, errors };
}


test('the first device sets up cross-signing and shows the recovery key once', async ({ browser }) => {
  const alice = await newUser('alice');
  const first = await device(browser, alice, 'alice1');
  const key = await saveRecoveryKey(first.page);
  expect(key).toMatch(/^(\w{4} ){11}\w{4}$/);
  await first.page.reload();
  await expect(first.page.getByTestId('room-list').or(first.page.getByText('No chats yet'))).toBeVisible();
  await first.page.waitForTimeout(2_000);
  await expect(first.page.getByTestId('recovery-key-dialog')).toHaveCount(0);
  await expect(recoveryKeyBanner(first.page)).toHaveCount(0);
  expect(first.errors).toEqual([]);
  await first.context.close();
});

test('the recovery key is shown, never stored: a reload before it was saved shows a new one', async ({ browser }) => {
  const alice = await newUser('alice');
  const first = await device(browser, alice, 'alice1');
  const dialog = first.page.getByTestId('recovery-key-dialog');
  await recoveryKeyBanner(first.page).getByRole('button').click();
  await expect(dialog.getByTestId('recovery-key')).toBeVisible({ timeout: 30_000 });
  const shown = (await dialog.getByTestId('recovery-key').textContent())!.trim();
  expect(shown).toMatch(/^(\w{4} ){11}\w{4}$/);
  for (const form of [shown, shown.replace(/ /g, '')]) expect(await deviceStorageContains(first.page, form)).toBe(false);
  // Its control: the same search finds what the device does store.
  expect(await deviceStorageContains(first.page, alice.userId)).toBe(true);

  await first.page.reload();
  await expect(recoveryKeyBanner(first.page)).toBeVisible({ timeout: 30_000 });
  // Offline, no new key can be made: the dialog says so and lets the user go back to the reminder.
  await cut(first.context, HOMESERVER_URL);
  await recoveryKeyBanner(first.page).getByRole('button').click();
  await expect(dialog.getByRole('alert')).toBeVisible({ timeout: 45_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await restore(first.context, HOMESERVER_URL);
  // Back online (the app notices within seconds): asked again, the key is made and shown.
  for (let attempt = 0; attempt < 10 && !(await dialog.getByTestId('recovery-key').isVisible()); attempt++) {
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Close' }).click();
    await first.page.waitForTimeout(2_000);
    await recoveryKeyBanner(first.page).getByRole('button').click();
    await expect(dialog.getByTestId('recovery-key').or(dialog.getByRole('alert'))).toBeVisible({ timeout: 30_000 });
  }
  const next = (await dialog.getByTestId('recovery-key').textContent())!.trim();
  expect(next).not.toBe(shown);
  await dialog.getByRole('button', { name: 'I have saved it' }).click();
  await expect(recoveryKeyBanner(first.page)).toHaveCount(0);
  for (const form of [next, next.replace(/ /g, '')]) expect(await deviceStorageContains(first.page, form)).toBe(false);
  // The key shown last is the one that works: a second device verifies with it.
  const second = await device(browser, alice, 'alice2');
  await second.page.getByRole('button', { name: 'Use recovery key' }).click();
  await second.page.getByLabel('Recovery key').fill(next);
  await second.page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(second.page.getByTestId('verify-device-dialog')).toHaveCount(0, { timeout: 30_000 });
  expect([...first.errors, ...second.errors]).toEqual([]);
  for (const d of [first, second]) await d.context.close();
});

/** Alice (first device, key saved) and bob in an encrypted DM with a message each way. */
async function earlierHistory(browser: Browser) {
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const bobDevice = await device(browser, bob, 'bob');
  const first = await device(browser, alice, 'alice1');
  const recoveryKey = await saveRecoveryKey(first.page);
  await saveRecoveryKey(bobDevice.page);

  await first.page.getByRole('button', { name: 'New message' }).click();
  await first.page.getByLabel('User ID').fill(bob.userId);
  await first.page.getByRole('button', { name: 'Start chat' }).click();
  await expect(first.page.getByTestId('room-encrypted')).toBeVisible();
  await first.page.getByRole('textbox', { name: 'Message' }).fill('Moien Bob');
  await first.page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await roomButton(bobDevice.page).first().click();
  await bobDevice.page.getByRole('button', { name: 'Accept' }).click();
  await expect(messageBodies(bobDevice.page).filter({ hasText: 'Moien Bob' })).toBeVisible();
  await bobDevice.page.getByRole('textbox', { name: 'Message' }).fill('Moien Alice, alles kloer');
  await bobDevice.page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(messageBodies(first.page).filter({ hasText: 'Moien Alice, alles kloer' })).toBeVisible();

  // Both sessions' keys are in alice's server-side backup before her next device arrives.
  await expect
    .poll(async () => {
      const version = await alice.api.call<{ version: string }>('GET', '/room_keys/version').catch(() => null);
      if (!version) return 0;
      const { rooms } = await alice.api.call<{ rooms: Record<string, { sessions: Record<string, unknown> }> }>(
        'GET',
        `/room_keys/keys?version=${version.version}`,
      );
      return Object.values(rooms).reduce((n, r) => n + Object.keys(r.sessions).length, 0);
    }, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(2);
  return { alice, bob, first, bobDevice, recoveryKey };
}

async function openHistory(page: Page) {
  await roomButton(page).first().click();
}

test('a new device with the recovery key reads the earlier history, which decrypts without a reload', async ({ browser }) => {
  test.setTimeout(150_000);
  const { alice, first, bobDevice, recoveryKey } = await earlierHistory(browser);
  const third = await device(browser, alice, 'alice3');
  // Asked once, and modal; "Later" leaves a banner that reminds, also after a reload.
  await expect(third.page.getByTestId('verify-device-dialog')).toBeVisible({ timeout: 30_000 });
  await third.page.getByTestId('verify-device-dialog').getByRole('button', { name: 'Later' }).click();
  await expect(third.page.getByTestId('verify-banner')).toBeVisible();
  await third.page.reload();
  await expect(third.page.getByTestId('verify-banner')).toBeVisible({ timeout: 30_000 });
  await expect(third.page.getByTestId('verify-device-dialog')).toHaveCount(0);
  await openHistory(third.page);
  // Before: bob's message is there, but not readable on this device.
  await expect(messageBodies(third.page)).toHaveCount(2);
  await expect(messageBodies(third.page).filter({ hasText: 'Moien Alice, alles kloer' })).toHaveCount(0);
  await expect(messageBodies(third.page).last()).toHaveText(
    /^(Sent before this device was verified\. Verify it to read this message\.|Waiting for the keys to this message)$/,
  );

  await third.page.getByTestId('verify-banner').getByRole('button', { name: 'Verify' }).click();
  await third.page.getByRole('button', { name: 'Use recovery key' }).click();
  await third.page.getByLabel('Recovery key').fill(recoveryKey);
  await third.page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(third.page.getByTestId('verify-device-dialog')).toHaveCount(0, { timeout: 30_000 });
  await expect(messageBodies(third.page)).toHaveText(['Moien Bob', 'Moien Alice, alles kloer'], { timeout: 30_000 });
  expect(third.errors).toEqual([]);
  for (const d of [first, bobDevice, third]) await d.context.close();
});

test('a wrong recovery key is refused and changes nothing', async ({ browser }) => {
  const alice = await newUser('alice');
  const first = await device(browser, alice, 'alice1');
  await saveRecoveryKey(first.page);
  const second = await device(browser, alice, 'alice2');
  await second.page.getByRole('button', { name: 'Use recovery key' }).click();
  await second.page.getByLabel('Recovery key').fill('EsTc aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk');
  await second.page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(second.page.getByTestId('verify-device-dialog').getByRole('alert')).toHaveText('This recovery key is not right.');
  for (const d of [first, second]) await d.context.close();
});

async function emojiOf(page: Page): Promise<string[]> {
  const list = page.getByTestId('sas-emoji');
  await expect(list.locator('li')).toHaveCount(7, { timeout: 30_000 });
  return list.locator('li').allTextContents();
}

test('a second device verified by emoji comparison on both screens reads the earlier history', async ({ browser }) => {
  test.setTimeout(180_000);
  const { alice, first, bobDevice } = await earlierHistory(browser);
  const second = await device(browser, alice, 'alice2');
  await second.page.getByRole('button', { name: 'Verify with another device' }).click();
  await expect(first.page.getByTestId('verification-dialog')).toContainText('asks to be verified', { timeout: 30_000 });
  await first.page.getByTestId('verification-dialog').getByRole('button', { name: 'Accept' }).click();

  const [onFirst, onSecond] = await Promise.all([emojiOf(first.page), emojiOf(second.page)]);
  expect(onFirst).toEqual(onSecond);
  await second.page.getByRole('button', { name: 'They match' }).click();
  await first.page.getByRole('button', { name: 'They match' }).click();
  for (const page of [first.page, second.page]) {
    await expect(page.getByTestId('verification-result')).toHaveText('The device is verified.', { timeout: 30_000 });
    await page.getByTestId('verification-dialog').getByRole('button', { name: 'Close' }).click();
  }
  await openHistory(second.page);
  await expect(messageBodies(second.page)).toHaveText(['Moien Bob', 'Moien Alice, alles kloer'], { timeout: 60_000 });
  await expect(second.page.getByTestId('verify-device-dialog')).toHaveCount(0);
  expect(second.errors).toEqual([]);
  for (const d of [first, bobDevice, second]) await d.context.close();
});

test('emoji that do not match cancel the verification and leave the device unverified', async ({ browser }) => {
  test.setTimeout(120_000);
  const alice = await newUser('alice');
  const first = await device(browser, alice, 'alice1');
  await saveRecoveryKey(first.page);
  const second = await device(browser, alice, 'alice2');
  await second.page.getByRole('button', { name: 'Verify with another device' }).click();
  await first.page.getByTestId('verification-dialog').getByRole('button', { name: 'Accept' }).click();
  await emojiOf(first.page);
  await emojiOf(second.page);
  await first.page.getByRole('button', { name: "They don't match" }).click();
  for (const page of [first.page, second.page]) {
    await expect(page.getByTestId('verification-result')).toHaveText('The verification was cancelled.', { timeout: 30_000 });
    await page.getByTestId('verification-dialog').getByRole('button', { name: 'Close' }).click();
  }
  // Still unverified: the new device is asked again, and the homeserver has no signature for it.
  await expect(second.page.getByTestId('verify-device-dialog')).toBeVisible();
  const keys = await alice.api.call<{
    device_keys: Record<string, Record<string, { signatures: Record<string, Record<string, string>> }>>;
    self_signing_keys: Record<string, { keys: Record<string, string> }>;
  }>('POST', '/keys/query', { device_keys: { [alice.userId]: [] } });
  const selfSigningKeyId = Object.keys(keys.self_signing_keys[alice.userId].keys)[0];
  const crossSigned = Object.entries(keys.device_keys[alice.userId])
    .filter(([, d]) => selfSigningKeyId in (d.signatures[alice.userId] ?? {}))
    .map(([id]) => id);
  // Only the first device is cross-signed; the second carries no signature of the self-signing key.
  expect(crossSigned).toHaveLength(1);
  for (const d of [first, second]) await d.context.close();
});

test('a verification asked for while the other device had the app closed shows when it opens', async ({ browser }) => {
  test.setTimeout(120_000);
  const alice = await newUser('alice');
  const first = await device(browser, alice, 'alice1');
  await saveRecoveryKey(first.page);
  await first.page.close();
  const second = await device(browser, alice, 'alice2');
  await second.page.getByRole('button', { name: 'Verify with another device' }).click();
  await expect(second.page.getByTestId('verification-dialog')).toBeVisible();
  // The request waits on the homeserver and arrives with the first device's first sync.
  const reopened = await first.context.newPage();
  await reopened.goto('/');
  await expect(reopened.getByTestId('verification-dialog')).toContainText('asks to be verified', { timeout: 30_000 });
  await reopened.getByTestId('verification-dialog').getByRole('button', { name: 'Accept' }).click();
  expect(await emojiOf(reopened)).toEqual(await emojiOf(second.page));
  await second.page.getByRole('button', { name: 'They match' }).click();
  await reopened.getByRole('button', { name: 'They match' }).click();
  for (const page of [reopened, second.page]) {
    await expect(page.getByTestId('verification-result')).toHaveText('The device is verified.', { timeout: 30_000 });
  }
  for (const d of [first, second]) await d.context.close();
});

test('settings list the devices with their verification; one is renamed, another signed out', async ({ browser }) => {
  test.setTimeout(120_000);
  const alice = await newUser('alice');
  const first = await device(browser, alice, 'alice1');
  const recoveryKey = await saveRecoveryKey(first.page);
  const second = await device(browser, alice, 'alice2');
  await second.page.getByRole('button', { name: 'Use recovery key' }).click();
  await second.page.getByLabel('Recovery key').fill(recoveryKey);
  await second.page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(second.page.getByTestId('verify-device-dialog')).toHaveCount(0, { timeout: 30_000 });

  await first.page.getByRole('button', { name: 'Settings', exact: true }).click();
  const devices = first.page.getByTestId('devices').locator('li');
  // The two app devices, verified, and the one the test registered through the API, not.
  await expect(devices).toHaveCount(3);
  await expect
    .poll(async () => (await devices.getByTestId('device-verification').allTextContents()).sort())
    .toEqual(['Not verified', 'Verified', 'Verified']);

  const apiDevice = devices.filter({ has: first.page.getByText('Not verified') });
  await apiDevice.getByRole('button', { name: 'Rename' }).click();
  await apiDevice.getByRole('textbox').fill('Script');
  await apiDevice.getByRole('button', { name: 'Save' }).click();
  await expect(devices.filter({ hasText: 'Script' })).toHaveCount(1);

  const script = devices.filter({ hasText: 'Script' });
  await script.getByRole('button', { name: 'Sign out' }).click();
  await script.getByLabel('Password to confirm').fill('wrong');
  await script.getByRole('button', { name: 'Sign out' }).click();
  await expect(script.getByRole('alert')).toHaveText('Wrong password.');
  await script.getByLabel('Password to confirm').fill(alice.password);
  await script.getByRole('button', { name: 'Sign out' }).click();
  await expect(devices).toHaveCount(2);
  const whoami = await alice.api.call('GET', '/account/whoami').catch((e: Error) => e.message);
  expect(String(whoami)).toContain('401');
  for (const d of [first, second]) await d.context.close();
});

test('a new group is encrypted and lists its members', async ({ browser }) => {
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const first = await device(browser, alice, 'alice1');
  await first.page.getByRole('button', { name: 'New group' }).click();
  await first.page.getByLabel('Group name').fill('Gemeng Team');
  await first.page.getByLabel('Members (user IDs, separated by commas)').fill(bob.userId);
  await first.page.getByRole('button', { name: 'Create group' }).click();
  await expect(first.page.getByTestId('room-title')).toHaveText('Gemeng Team');
  await expect(first.page.getByTestId('room-encrypted')).toBeVisible();
  // Created through the outbox: the members are known once the homeserver has the room.
  await createdRoomId(first.page);
  await first.page.getByRole('button', { name: 'Members' }).click();
  const members = first.page.getByTestId('members').locator('li');
  await expect(members).toHaveCount(2);
  await expect(members.filter({ hasText: bob.userId })).toContainText('invited');
  await expect(members.filter({ hasText: bob.userId }).getByTestId('member-verification')).toHaveText('Not verified');
  await first.context.close();
});

test('emoji verification runs from tabs that do not sync, on both devices', async ({ browser }) => {
  test.setTimeout(150_000);
  const alice = await newUser('alice');
  const first = await device(browser, alice, 'alice1');
  await saveRecoveryKey(first.page);
  const second = await device(browser, alice, 'alice2');
  // On each device a second tab, which leaves the syncing to the first.
  const firstTab = await first.context.newPage();
  const secondTab = await second.context.newPage();
  const errors = [firstTab, secondTab].map(trackPageErrors);
  await firstTab.goto('/en/');
  await secondTab.goto('/en/');

  await secondTab.getByRole('button', { name: 'Verify with another device' }).click();
  await expect(firstTab.getByTestId('verification-dialog')).toContainText('asks to be verified', { timeout: 30_000 });
  await firstTab.getByTestId('verification-dialog').getByRole('button', { name: 'Accept' }).click();
  const [onFirst, onSecond] = await Promise.all([emojiOf(firstTab), emojiOf(secondTab)]);
  expect(onFirst).toEqual(onSecond);
  await secondTab.getByRole('button', { name: 'They match' }).click();
  await firstTab.getByRole('button', { name: 'They match' }).click();
  for (const page of [firstTab, secondTab]) {
    await expect(page.getByTestId('verification-result')).toHaveText('The device is verified.', { timeout: 30_000 });
  }
  await secondTab.getByTestId('verification-dialog').getByRole('button', { name: 'Close' }).click();
  await expect(secondTab.getByTestId('verify-device-dialog')).toHaveCount(0);
  expect(errors.flat()).toEqual([]);
  for (const d of [first, second]) await d.context.close();
});
