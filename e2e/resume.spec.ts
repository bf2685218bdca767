import { expect, test, type Page } from '@playwright/test';
import { echoConsole, loginThroughUi, messageBodies, roomButton, trackPageErrors } from './app';
import { newUser } from './homeserver';
import { cut, restore } from './network';
import { HOMESERVER_URL } from './ports';
import { databaseNames, meterSync, storedBodies } from './store';

const ROOMS = 30;

/** The SDK has written a sync position this page can resume from. */
async function syncPositionSaved(page: Page) {
  await expect
    .poll(async () => (await databaseNames(page)).includes('matrix-js-sdk:luxchat-sync'), { timeout: 20_000 })
    .toBe(true);
}

/** Shows a room's whole stored timeline, pressing "Load older messages" while it is offered. */
async function showWholeRoom(page: Page, expected: number) {
  await expect(messageBodies(page).first()).toBeVisible();
  for (let i = 0; i < 10 && (await messageBodies(page).count()) < expected; i++) {
    const older = page.getByRole('button', { name: 'Load older messages' });
    if (!(await older.isVisible())) break;
    const before = await messageBodies(page).count();
    await older.click();
    await expect.poll(() => messageBodies(page).count()).toBeGreaterThanOrEqual(Math.min(expected, before + 1));
  }
}

test('reopening resumes from the saved position, fills what was missed in the background, and gaps are marked and filled', async ({
  context,
}) => {
  test.setTimeout(240_000);
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const rooms: string[] = [];
  for (let i = 0; i < ROOMS; i++) {
    const id = await bob.api.sharedRoom(`Dossier ${i + 1}`, alice.api);
    for (let m = 1; m <= 3; m++) await bob.api.send(id, `Dossier ${i + 1}: ${m}`);
    rooms.push(id);
  }

  // First login: the whole account.
  let page = await context.newPage();
  const errors = [trackPageErrors(page)];
  echoConsole(page, 'first');
  const first = meterSync(page);
  await loginThroughUi(page, alice);
  await expect(roomButton(page)).toHaveCount(ROOMS, { timeout: 30_000 });
  await syncPositionSaved(page);
  await page.waitForTimeout(1_000);
  await page.close();
  const firstBytes = first.bytes;

  // Away: 100 messages in one room, one in five others.
  const updates = Array.from({ length: 100 }, (_, i) => `Update ${i + 1}`);
  for (const body of updates) await bob.api.send(rooms[0], body);
  for (let i = 1; i <= 5; i++) await bob.api.send(rooms[i], `Nei am Dossier ${i + 1}`);

  page = await context.newPage();
  errors.push(trackPageErrors(page));
  echoConsole(page, 'reopen');
  const reopen = meterSync(page);
  await page.goto('/en/');
  for (let i = 1; i <= 5; i++) {
    await expect(roomButton(page, `Dossier ${i + 1}`).getByTestId('room-preview')).toContainText(`Nei am Dossier ${i + 1}`);
  }
  await expect(roomButton(page, 'Dossier 1').getByTestId('room-preview')).toContainText('Update 100');
  await page.waitForTimeout(1_000);
  expect(reopen.urls[0], 'the first /sync resumes from the saved position').toContain('since=');
  // Asked before the SDK loaded, that /sync also answers the SDK's first: the position is asked once.
  const since = (url: string) => new URL(url).searchParams.get('since');
  expect(reopen.urls.filter((url) => since(url) === since(reopen.urls[0])), 'the saved position asked once').toHaveLength(1);
  console.log(`sync bytes: first login ${firstBytes}, reopen ${reopen.bytes}`);
  expect(reopen.bytes).toBeLessThan(firstBytes / 5);

  // The background filler fetches what the limited sync skipped, so it can be read offline.
  const expected = ['Dossier 1: 1', 'Dossier 1: 2', 'Dossier 1: 3', ...updates];
  await expect.poll(() => storedBodies(page, rooms[0]), { timeout: 60_000 }).toEqual(expected);
  await cut(context, HOMESERVER_URL);
  await page.reload();
  await roomButton(page, 'Dossier 1').click();
  await showWholeRoom(page, expected.length);
  await expect(messageBodies(page)).toHaveText(expected);
  await expect(page.getByTestId('gap')).toHaveCount(0);
  await restore(context, HOMESERVER_URL);
  await expect(page.getByTestId('connection-status')).toHaveCount(0, { timeout: 45_000 });

  // Data saver on: the next absence leaves a gap that is marked, not filled in the background.
  const filters = meterSync(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Data saver').selectOption('on');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-saver', 'on');
  // The client restarted with the smaller sync filter, and syncs on.
  await bob.api.send(rooms[2], 'Nom Ëmstellen');
  await expect(roomButton(page, 'Dossier 3').getByTestId('room-preview')).toContainText('Nom Ëmstellen', { timeout: 30_000 });
  // Its /sync requests now use the data saver's filter: 5 events per room.
  await expect.poll(() => filters.urls.length).toBeGreaterThan(0);
  const filterId = new URL(filters.urls.at(-1)!).searchParams.get('filter');
  const definition = await alice.api.call<{ room?: { timeline?: { limit?: number } } }>(
    'GET',
    `/user/${encodeURIComponent(alice.userId)}/filter/${filterId}`,
  );
  expect(definition.room?.timeline?.limit).toBe(5);
  await syncPositionSaved(page);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.waitForTimeout(1_500);
  await page.close();

  const second = Array.from({ length: 100 }, (_, i) => `Zweet ${i + 1}`);
  for (const body of second) await bob.api.send(rooms[1], body);

  page = await context.newPage();
  errors.push(trackPageErrors(page));
  echoConsole(page, 'saver');
  await page.goto('/en/');
  // Not opened: a gap scrolled into view is filled even with data saver on, as the user asked to see it.
  await expect(roomButton(page, 'Dossier 2').getByTestId('room-preview')).toContainText('Zweet 100');
  await page.waitForTimeout(2_000);
  const stored = await storedBodies(page, rooms[1]);
  expect(stored.length, 'nothing fetched in the background').toBeLessThan(40);

  // Offline (homeserver cut), reloaded: the gap is shown where history is missing, nothing out of order.
  await cut(context, HOMESERVER_URL);
  await page.reload();
  await roomButton(page, 'Dossier 2').click();
  await expect(page.getByTestId('gap')).toHaveCount(1);
  await expect(page.getByTestId('gap')).toContainText('Earlier messages not loaded yet');
  const shown = await messageBodies(page).allTextContents();
  const order = (body: string) => [...['Dossier 2: 1', 'Dossier 2: 2', 'Dossier 2: 3', 'Nei am Dossier 2'], ...second].indexOf(body);
  expect(shown.map(order)).toEqual([...shown.map(order)].sort((a, b) => a - b));
  // The marker sits between the older messages and the newest ones.
  const before = await page.getByTestId('gap').evaluate((gap) => {
    // The message above it (day separators and the unread line are not messages).
    let item = gap.previousElementSibling;
    while (item && item.getAttribute('data-testid') !== 'message') item = item.previousElementSibling;
    return item?.textContent ?? '';
  });
  expect(before).toContain('Nei am Dossier 2');
  await page.waitForTimeout(1_000);
  await expect(page.getByTestId('gap')).toHaveCount(1);

  // Online again: scrolling to the marker fills the gap, all 100 in order, none twice.
  await restore(context, HOMESERVER_URL);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online', { timeout: 45_000 });
  const all = ['Dossier 2: 1', 'Dossier 2: 2', 'Dossier 2: 3', 'Nei am Dossier 2', ...second];
  for (let i = 0; i < 10 && (await page.getByTestId('gap').count()) > 0; i++) {
    // The marker moves (and is drawn anew) as pages arrive: one that went meanwhile is no failure.
    await page.getByTestId('gap').first().scrollIntoViewIfNeeded({ timeout: 5_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
  }
  await expect(page.getByTestId('gap')).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(() => storedBodies(page, rooms[1])).toEqual(all);
  await showWholeRoom(page, all.length);
  await expect(messageBodies(page)).toHaveText(all);
  expect(errors.flat()).toEqual([]);
});
