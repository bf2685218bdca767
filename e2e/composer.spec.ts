import { expect, test } from '@playwright/test';
import { loginThroughUi, roomButton, trackPageErrors } from './app';
import { newUser } from './homeserver';

test('two messages sent back to back while the outbox is slow both arrive, exactly once', async ({ page }) => {
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const room = await bob.api.sharedRoom('Büro', alice.api);
  const errors = trackPageErrors(page);
  await loginThroughUi(page, alice);
  await roomButton(page, 'Büro').click();
  const composer = page.getByRole('textbox', { name: 'Message' });
  await expect(composer).toBeVisible();

  // A busy IndexedDB: a long read-write transaction on the outbox holds every enqueue back.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('luxchat');
        open.onsuccess = () => {
          const store = open.result.transaction('outbox', 'readwrite').objectStore('outbox');
          const until = Date.now() + 1_500;
          const spin = () => {
            if (Date.now() < until) store.count().onsuccess = spin;
          };
          spin();
          resolve();
        };
      }),
  );
  await composer.fill('Éischt Message');
  await composer.press('Enter');
  await composer.press('Enter'); // a second Enter on the same (now empty) composer queues nothing
  await composer.fill('Zweet Message');
  await composer.press('Enter');
  await expect(composer).toHaveValue('');
  await expect.poll(() => bob.api.messages(room), { timeout: 30_000 }).toEqual(['Éischt Message', 'Zweet Message']);
  await page.waitForTimeout(2_000);
  expect(await bob.api.messages(room)).toEqual(['Éischt Message', 'Zweet Message']);
  expect(errors).toEqual([]);
});
