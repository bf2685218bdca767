import { expect, test } from '@playwright/test';
import { signedInDevice } from './app';
import { newUser } from './homeserver';
import { cut } from './network';
import { HOMESERVER_URL } from './ports';
import { databaseNames } from './store';

const EXTRA_ROOMS = 90;

test('an offline start with a long room list shows every room, newest first', async ({ browser }) => {
  const alice = await newUser('alice');
  const { context, page, errors } = await signedInDevice(browser, alice, 'alice');
  // More rooms than the first screenful the list renders before the rest, written straight
  // into the device's database (the homeserver is cut off before the reload).
  const newest = Date.now() + 60_000;
  await page.evaluate(
    ({ count, newest }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('luxchat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('rooms', 'readwrite');
          for (let i = 0; i < count; i++) {
            tx.objectStore('rooms').put({
              roomId: `!extra${i}:localhost`,
              name: `Extra ${i}`,
              membership: 'join',
              isDirect: false,
              encrypted: false,
              lastTs: newest - i * 1_000,
              unread: 0,
              mentions: 0,
              tags: [],
            });
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { count: EXTRA_ROOMS, newest },
  );
  await cut(context, HOMESERVER_URL);
  await page.reload();
  const names = page.getByTestId('room-list').getByTestId('room-name');
  await expect(names.first()).toHaveText('Extra 0');
  await expect.poll(() => names.count()).toBeGreaterThanOrEqual(EXTRA_ROOMS);
  const last = page.getByTestId('room-list').locator(`[data-room-id="!extra${EXTRA_ROOMS - 1}:localhost"]`);
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test('a signed-in hint that outlived the database shows the login form and creates no database', async ({ page }) => {
  await page.goto('/en/');
  await page.evaluate(() => localStorage.setItem('luxchat-signed-in', '1'));
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  // Long enough for the signed-in app's early reads and live queries to have run.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('luxchat-signed-in'))).toBeNull();
  await page.waitForTimeout(1_000);
  expect(await databaseNames(page)).not.toContain('luxchat');
});
