import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import type { TestUser } from './homeserver';
import { HOMESERVER_URL } from './ports';

/** Collects uncaught page errors, to assert there were none. */
export function trackPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  return errors;
}

/** With DEBUG_CONSOLE=1, prints the page's console and errors, prefixed with `name`. */
export function echoConsole(page: Page, name: string) {
  if (!process.env.DEBUG_CONSOLE) return;
  page.on('console', (m) => console.log(name, m.type(), m.text().slice(0, 3000)));
  page.on('pageerror', (e) => console.log(name, 'PAGEERROR', e.stack));
}

export async function fillLogin(page: Page, user: { username: string; password: string }, homeserver = HOMESERVER_URL) {
  await page.locator('input[name="homeserver"]').fill(homeserver);
  await page.locator('input[name="username"]').fill(user.username);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
}

/** Logs in through the UI (English) and waits for the chat screen. */
export async function loginThroughUi(
  page: Page,
  user: Pick<TestUser, 'username' | 'password'>,
  homeserver = HOMESERVER_URL,
  locale = 'en',
) {
  await page.goto(`/${locale}/`);
  await fillLogin(page, user, homeserver);
  await expect(page.getByTestId('room-list').or(page.getByText('No chats yet'))).toBeVisible();
}

/** The reminder that shows until the first device's recovery key is saved. */
export function recoveryKeyBanner(page: Page) {
  return page.getByTestId('recovery-key-banner');
}

export function roomButton(page: Page, name?: string) {
  const all = page.getByTestId('room-list').locator('button[data-room-id]');
  return name ? all.filter({ has: page.getByTestId('room-name').getByText(name, { exact: true }) }) : all;
}

export function messageBodies(page: Page) {
  return page.getByTestId('timeline').getByTestId('message-body');
}

/** Waits for the first device's recovery key (behind its banner), notes it and confirms it was saved. */
export async function saveRecoveryKey(page: Page): Promise<string> {
  const dialog = page.getByTestId('recovery-key-dialog');
  const show = recoveryKeyBanner(page).getByRole('button', { name: 'Show the recovery key' });
  await expect(show.or(dialog).first()).toBeVisible({ timeout: 30_000 });
  if (!(await dialog.isVisible())) await show.click();
  await expect(dialog).toBeVisible();
  const key = (await dialog.getByTestId('recovery-key').textContent())!.trim();
  await dialog.getByRole('button', { name: 'I have saved it' }).click();
  await expect(dialog).toHaveCount(0);
  return key;
}

/** The id of the room open in the page (the app keeps it in the URL hash). */
export function openRoomId(page: Page): string {
  return decodeURIComponent(new URL(page.url()).hash.replace('#/room/', ''));
}

/**
 * The id of a room just created in the page: a new room opens at once under a placeholder id
 * (it is created through the outbox), and the page moves to the real id once it exists.
 */
export async function createdRoomId(page: Page): Promise<string> {
  await expect(page).toHaveURL(/#\/room\/(!|%21)/, { timeout: 30_000 });
  return openRoomId(page);
}

/** Presses "Load older messages" until `first` is the oldest message shown (at most `max` times). */
export async function loadOlderUntil(page: Page, first: string, max = 4) {
  for (let i = 0; i < max && (await messageBodies(page).first().textContent()) !== first; i++) {
    const before = await messageBodies(page).count();
    await page.getByRole('button', { name: 'Load older messages' }).click();
    await expect.poll(() => messageBodies(page).count()).toBeGreaterThan(before);
  }
  await expect(messageBodies(page).first()).toHaveText(first);
}

/**
 * A user signed in, in a browser context of their own (a device): its page, the page errors
 * seen there, the recovery key noted. Close `context` at the end.
 */
export async function signedInDevice(
  browser: Browser,
  user: Pick<TestUser, 'username' | 'password'>,
  name: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: Error[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  echoConsole(page, name);
  await loginThroughUi(page, user);
  await saveRecoveryKey(page);
  return { context, page, errors };
}
