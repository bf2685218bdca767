import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { messageBodies, roomButton, signedInDevice } from './app';
import { newUser } from './homeserver';
import { cut, restore } from './network';
import { HOMESERVER_URL } from './ports';
import { databaseNames, sessionRow } from './store';

const PIN = '482916';

/** Everything the page's origin holds in IndexedDB, every database and store, as text. */
function rawIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const bytes = (value: ArrayBuffer | ArrayBufferView) =>
      new TextDecoder('utf-8', { fatal: false }).decode(value instanceof ArrayBuffer ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    const text = (value: unknown): string =>
      JSON.stringify(value, (_key, v: unknown) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? bytes(v as ArrayBuffer) : v)) ?? '';
    const out: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(database.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const all = database.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
        out.push(`${name}/${store}: ${values.map(text).join('\n')}`);
      }
      database.close();
    }
    return out.join('\n');
  });
}

async function unlock(page: Page, secret: string) {
  const screen = page.getByTestId('lock-screen');
  await screen.getByLabel('PIN or passphrase').fill(secret);
  await screen.getByRole('button', { name: 'Unlock' }).click();
}

test('the app lock seals what the device stores, asks for the PIN after a reload (offline too), refuses a wrong one, and locks on demand', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tag = randomBytes(3).toString('hex');
  const roomName = `Dossier ${tag}`;
  const [first, second] = [`Geheimnis ${tag}`, `Zweet Geheimnis ${tag}`];
  const alice = await newUser('alice');
  const roomId = await alice.api.createRoom(roomName, []);
  await alice.api.send(roomId, first);
  const { context, page, errors } = await signedInDevice(browser, alice, 'alice');
  await roomButton(page, roomName).click();
  await expect(messageBodies(page)).toHaveText([first]);
  const token = (await sessionRow(page)).accessToken;
  expect(await rawIndexedDb(page)).toContain(first);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByTestId('app-lock-settings');
  await settings.getByLabel('PIN or passphrase (at least 6 characters)').fill('12345');
  await settings.getByLabel('Repeat it').fill('12345');
  await settings.getByRole('button', { name: 'Turn on the app lock' }).click();
  await expect(settings.getByRole('alert')).toHaveText('At least 6 characters, please.');
  await settings.getByLabel('PIN or passphrase (at least 6 characters)').fill(PIN);
  await settings.getByLabel('Repeat it').fill(PIN);
  await settings.getByRole('button', { name: 'Turn on the app lock' }).click();
  await expect(settings.getByText('The app lock is on.')).toBeVisible({ timeout: 30_000 });

  // A new start: only the lock screen, nothing of the chats.
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByText(roomName)).toHaveCount(0);
  await unlock(page, '000000');
  await expect(page.getByTestId('lock-error')).toHaveText("Wrong PIN or passphrase. 9 more wrong tries and this device's data will be erased.");
  await unlock(page, PIN);
  await roomButton(page, roomName).click();
  await expect(messageBodies(page)).toHaveText([first]);

  // What arrives now is stored sealed too; nothing readable is left on the device.
  await alice.api.send(roomId, second);
  await expect(messageBodies(page)).toHaveText([first, second], { timeout: 30_000 });
  await expect
    .poll(async () => {
      const raw = await rawIndexedDb(page);
      return [first, second, roomName, token].filter((secret) => raw.includes(secret));
    })
    .toEqual([]);

  // Offline, the PIN opens the history from the device alone.
  await cut(context, HOMESERVER_URL);
  await page.reload();
  await unlock(page, PIN);
  await roomButton(page, roomName).click();
  await expect(messageBodies(page)).toHaveText([first, second]);
  await restore(context, HOMESERVER_URL);

  // On demand.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByTestId('app-lock-settings').getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByText(first)).toHaveCount(0);
  await unlock(page, PIN);
  await expect(roomButton(page, roomName)).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test('ten wrong PINs erase the device’s data and show the login screen', async ({ browser }) => {
  test.setTimeout(180_000);
  const alice = await newUser('alice');
  const { context, page } = await signedInDevice(browser, alice, 'alice');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByTestId('app-lock-settings');
  await settings.getByLabel('PIN or passphrase (at least 6 characters)').fill(PIN);
  await settings.getByLabel('Repeat it').fill(PIN);
  await settings.getByRole('button', { name: 'Turn on the app lock' }).click();
  await expect(settings.getByText('The app lock is on.')).toBeVisible({ timeout: 30_000 });
  await page.reload();
  for (let i = 1; i < 10; i++) {
    await unlock(page, `wrong-${i}`);
    await expect(page.getByTestId('lock-error')).toContainText(10 - i === 1 ? 'One more wrong try' : `${10 - i} more wrong tries`);
  }
  await unlock(page, 'wrong-10');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible({ timeout: 30_000 });
  expect((await databaseNames(page)).filter((name) => name.includes('luxchat') || name.includes('matrix'))).toEqual([]);
  await context.close();
});
