import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fillLogin, loginThroughUi, recoveryKeyBanner, roomButton, saveRecoveryKey, trackPageErrors } from './app';
import { newUser } from './homeserver';
import { drawing } from './images';
import { HOMESERVER_URL } from './ports';

const LOCALES = ['lb', 'fr', 'de', 'en'] as const;
const THEMES = ['light', 'dark'] as const;

/** Every axe rule, every impact: the list of what fails, empty when the screen passes. */
async function violations(page: Page, screen: string): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page's background colour at a point, read from a screenshot (what was painted). */
async function paintedAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  const pixel = await page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = new OffscreenCanvas(1, 1);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
  return pixel as [number, number, number];
}
const isDark = ([r, g, b]: number[]) => r + g + b < 150;

test('the login screen and every chat screen pass axe with no violation, in four languages and both themes', async ({ page, browser }) => {
  test.setTimeout(360_000);
  const errors = trackPageErrors(page);
  const found: string[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const locale of LOCALES) {
      await page.goto(`/${locale}/`);
      await expect(page.locator('input[name="password"]')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      found.push(...(await violations(page, `login ${locale} ${theme}`)));
    }
  }

  const alice = await newUser('alice');
  const bob = await newUser('bob');
  await page.emulateMedia({ colorScheme: 'light' });
  await loginThroughUi(page, alice);
  // The empty state, with the recovery key's reminder until it is saved, and its dialog (a
  // reload closes it without saving, for the next language).
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const locale of LOCALES) {
      await page.goto(`/${locale}/`);
      await expect(recoveryKeyBanner(page)).toBeVisible({ timeout: 30_000 });
      found.push(...(await violations(page, `empty, recovery key reminder ${locale} ${theme}`)));
      await recoveryKeyBanner(page).getByRole('button').click();
      await expect(page.getByTestId('recovery-key-dialog')).toBeVisible();
      found.push(...(await violations(page, `recovery key dialog ${locale} ${theme}`)));
    }
  }
  expect(found, 'login, empty state and recovery key').toEqual([]);
  await saveRecoveryKey(page);

  const roomId = await bob.api.sharedRoom('Dossier', alice.api);
  // A picture, for the lightbox (a JPEG: media.spec.ts checks that no PNG reaches the homeserver in the clear).
  const jpeg = await drawing(page, 320, 240, 'image/jpeg');
  const url = await bob.api.upload(new Uint8Array(jpeg), 'image/jpeg');
  await bob.api.sendEvent(roomId, 'm.room.message', {
    msgtype: 'm.image',
    body: 'plang.jpg',
    url,
    info: { mimetype: 'image/jpeg', w: 320, h: 240, size: jpeg.length },
  });
  await bob.api.send(roomId, 'Moien, wéi geet et?');
  await bob.api.send(roomId, 'Hei ass de Rapport.');
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const locale of LOCALES) {
      const where = `${locale} ${theme}`;
      await page.goto(`/${locale}/`);
      await expect(roomButton(page, 'Dossier')).toBeVisible({ timeout: 30_000 });
      found.push(...(await violations(page, `room list ${where}`)));
      await roomButton(page, 'Dossier').click();
      await expect(page.getByTestId('message-body').last()).toHaveText('Hei ass de Rapport.');
      await expect(roomButton(page, 'Dossier')).toHaveAttribute('aria-current', 'true');
      found.push(...(await violations(page, `room ${where}`)));
      // The picture full size, over everything.
      await page.getByTestId('timeline').getByTestId('attachment-picture').click();
      await expect(page.getByTestId('lightbox')).toBeVisible();
      found.push(...(await violations(page, `lightbox ${where}`)));
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('lightbox')).toHaveCount(0);
      // The chat's settings and members beside the conversation.
      await page.getByTestId('room-title').locator('xpath=..').getByRole('button').first().click();
      await expect(page.getByTestId('room-settings').or(page.getByTestId('members'))).toBeVisible();
      found.push(...(await violations(page, `room panel ${where}`)));
      await page.getByTestId('room-title').locator('xpath=..').getByRole('button').nth(1).click();
      found.push(...(await violations(page, `room second panel ${where}`)));
      // The sidebar's panels: new message, new group, join.
      for (const [index, name] of ['new message', 'new group', 'join'].entries()) {
        await page.locator('aside header').getByRole('button').nth(index).click();
        found.push(...(await violations(page, `${name} panel ${where}`)));
      }
      // The chat's leave confirmation, then settings with the device list.
      await page.getByTestId('room-title').locator('xpath=..').getByRole('button').last().click();
      await expect(page.getByTestId('confirm-dialog')).toBeVisible();
      found.push(...(await violations(page, `leave dialog ${where}`)));
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
      await page.locator('aside header').getByRole('button').last().click();
      await expect(page.getByTestId('settings-dialog')).toBeVisible();
      await expect(page.getByTestId('devices')).toBeVisible();
      found.push(...(await violations(page, `settings ${where}`)));
    }
  }
  expect(found).toEqual([]);
  expect(errors).toEqual([]);

  // A second device of alice's: asked to verify itself, in a dialog.
  const second = await browser.newContext();
  const other = await second.newPage();
  await loginThroughUi(other, alice);
  for (const theme of THEMES) {
    await other.emulateMedia({ colorScheme: theme });
    for (const locale of LOCALES) {
      await other.goto(`/${locale}/`);
      await expect(other.getByTestId('verify-device-dialog')).toBeVisible({ timeout: 30_000 });
      found.push(...(await violations(other, `verify this device ${locale} ${theme}`)));
      // Emoji comparison with the first device: the request, the emoji on both screens, the
      // outcome (cancelled, so that the next round asks again).
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`/${locale}/`);
      await expect(roomButton(page, 'Dossier')).toBeVisible({ timeout: 30_000 });
      await other.getByTestId('verify-device-dialog').getByRole('button').first().click();
      await expect(other.getByTestId('verification-dialog')).toBeVisible({ timeout: 30_000 });
      const incoming = page.getByTestId('verification-dialog');
      await expect(incoming.getByRole('button')).toHaveCount(2, { timeout: 30_000 });
      found.push(...(await violations(page, `verification request ${locale} ${theme}`)));
      found.push(...(await violations(other, `verification waiting ${locale} ${theme}`)));
      await incoming.getByRole('button').first().click();
      for (const device of [page, other]) {
        await expect(device.getByTestId('sas-emoji').locator('li')).toHaveCount(7, { timeout: 30_000 });
        found.push(...(await violations(device, `emoji comparison ${locale} ${theme}`)));
      }
      await incoming.getByRole('button').last().click();
      for (const device of [page, other]) {
        await expect(device.getByTestId('verification-result')).toBeVisible({ timeout: 30_000 });
        found.push(...(await violations(device, `verification outcome ${locale} ${theme}`)));
        await device.getByTestId('verification-dialog').getByRole('button').last().click();
      }
    }
  }
  await second.close();
  expect(found).toEqual([]);
});

test('dark mode: the first paint follows the system, and the setting overrides it', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  // Nothing but the pre-rendered HTML and its head script: the very first paint is dark.
  await page.route('**/_next/static/chunks/**/*.js', (route) => route.abort());
  await page.goto('/en/', { waitUntil: 'domcontentloaded' });
  expect(isDark(await paintedAt(page, 5, 5)), 'dark before any script of the app ran').toBe(true);
  await page.unroute('**/_next/static/chunks/**/*.js');

  const alice = await newUser('alice');
  await page.goto('/en/');
  await fillLogin(page, alice);
  await saveRecoveryKey(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByTestId('settings-dialog').locator('select[name="theme"]').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload({ waitUntil: 'domcontentloaded' });
  expect(isDark(await paintedAt(page, 5, 5)), 'the choice wins over the system').toBe(false);
  await context.close();
});

test('keyboard only: log in, open a chat, send a message, open and close settings', async ({ page }) => {
  test.setTimeout(120_000);
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const roomId = await bob.api.sharedRoom('Clavier', alice.api);
  await page.goto('/en/');
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.textContent ?? '');
  // Tab through the form: homeserver, user name, password; Enter submits.
  for (let i = 0; i < 10 && (await focused()) !== 'homeserver'; i++) await page.keyboard.press('Tab');
  expect(await focused()).toBe('homeserver');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(HOMESERVER_URL);
  for (let i = 0; i < 5 && (await focused()) !== 'username'; i++) await page.keyboard.press('Tab');
  expect(await focused()).toBe('username');
  await page.keyboard.type(alice.username);
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('password');
  await page.keyboard.type(alice.password);
  await page.keyboard.press('Enter');
  await saveRecoveryKeyByKeyboard(page);

  // To the chat with Tab, open it with Enter.
  const chat = roomButton(page, 'Clavier');
  await expect(chat).toBeVisible({ timeout: 30_000 });
  for (let i = 0; i < 15 && !(await chat.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(chat).toBeFocused();
  await page.keyboard.press('Enter');
  const composer = page.getByRole('textbox', { name: 'Message' });
  for (let i = 0; i < 25 && !(await composer.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(composer).toBeFocused();
  await page.keyboard.type('Getippt ouni Maus');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await bob.api.events(roomId)).filter((e) => e.content.body === 'Getippt ouni Maus').length, { timeout: 30_000 }).toBe(1);

  // Settings: focus moves into the dialog, Escape closes it, focus returns to its button.
  const settingsButton = page.getByRole('button', { name: 'Settings', exact: true });
  for (let i = 0; i < 40 && !(await settingsButton.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await expect(settingsButton).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  // Focus stays in the dialog however far one tabs.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="settings-dialog"]') || document.activeElement === document.body)).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(settingsButton).toBeFocused();
});

/** The recovery key's reminder opened and its dialog confirmed from the keyboard; Escape does not dismiss it. */
async function saveRecoveryKeyByKeyboard(page: Page) {
  const show = recoveryKeyBanner(page).getByRole('button', { name: 'Show the recovery key' });
  await expect(show).toBeVisible({ timeout: 30_000 });
  for (let i = 0; i < 20 && !(await show.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(show).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('recovery-key-dialog');
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  const saved = dialog.getByRole('button', { name: 'I have saved it' });
  for (let i = 0; i < 40 && !(await saved.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(saved).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
}

test("the app badge shows the unread count and clears when the chat is read", async ({ page }) => {
  // The Badging API works only for an installed app: recorded here instead.
  await page.addInitScript(() => {
    const record = (value: number) => ((globalThis as unknown as { __badge: number }).__badge = value);
    Object.assign(navigator, { setAppBadge: async (n: number) => record(n), clearAppBadge: async () => record(0) });
  });
  const badge = () => page.evaluate(() => (globalThis as unknown as { __badge?: number }).__badge);
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const roomId = await bob.api.sharedRoom('Badge', alice.api);
  await loginThroughUi(page, alice);
  await saveRecoveryKey(page);
  await expect(roomButton(page, 'Badge')).toBeVisible({ timeout: 30_000 });
  await bob.api.send(roomId, 'Eent');
  await bob.api.send(roomId, 'Zwee');
  await expect.poll(badge, { timeout: 30_000 }).toBe(2);
  await roomButton(page, 'Badge').click();
  await expect.poll(badge, { timeout: 30_000 }).toBe(0);
});
