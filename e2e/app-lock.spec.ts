import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loginThroughUi, messageBodies, roomButton, saveRecoveryKey, signedInDevice } from './app';
import { newUser } from './homeserver';
import { cut, restore } from './network';
import { APP_PORT, HOMESERVER_URL } from './ports';
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
        // Files too: their bytes as text.
        const expand = async (v: unknown): Promise<unknown> => {
          if (v instanceof Blob) return v.text();
          if (Array.isArray(v)) return Promise.all(v.map(expand));
          if (v && typeof v === 'object' && !(v instanceof ArrayBuffer) && !ArrayBuffer.isView(v)) {
            return Object.fromEntries(await Promise.all(Object.entries(v).map(async ([k, x]) => [k, await expand(x)])));
          }
          return v;
        };
        out.push(`${name}/${store}: ${(await Promise.all(values.map(expand))).map(text).join('\n')}`);
      }
      database.close();
    }
    return out.join('\n');
  });
}

/** Settings → the app lock turned on with `secret` (and an idle time, when given). */
async function turnOnLock(page: Page, secret: string, idleMinutes?: number) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByTestId('app-lock-settings');
  await settings.getByLabel('PIN or passphrase (at least 6 characters)').fill(secret);
  await settings.getByLabel('Repeat it').fill(secret);
  if (idleMinutes) await settings.getByLabel('Lock after').selectOption(String(idleMinutes));
  await settings.getByRole('button', { name: 'Turn on the app lock' }).click();
  await expect(settings.getByText('The app lock is on.')).toBeVisible({ timeout: 30_000 });
  return settings;
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
  const { context, page, errors } = await signedInDevice(browser, alice, 'alice', { acceptDownloads: true });
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
  // A file queued meanwhile waits in the outbox sealed too, and goes out as it was.
  const report = Buffer.from(`Rapport confidentiel ${tag}`);
  await page.getByTestId('attach-input').setInputFiles({ name: 'rapport.txt', mimeType: 'text/plain', buffer: report });
  await page.getByTestId('attachment-preview').getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('[data-pending]')).toHaveCount(1);
  expect(await rawIndexedDb(page)).not.toContain(report.toString());
  await restore(context, HOMESERVER_URL);
  await expect(page.locator('[data-pending]')).toHaveCount(0, { timeout: 60_000 });
  const card = page.getByTestId('timeline').getByTestId('attachment-file');
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download' }).click()]);
  expect(readFileSync((await download.path())!)).toEqual(report);

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
  await turnOnLock(page, PIN);
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

test('the device’s own authenticator (a passkey with PRF) unlocks the app too', async ({ browser }) => {
  test.setTimeout(120_000);
  const alice = await newUser('alice');
  const roomName = `Passkey ${randomBytes(3).toString('hex')}`;
  await alice.api.createRoom(roomName, []);
  // WebAuthn takes a domain, not an IP address: this device opens the app as localhost.
  const { context, page, errors } = await signedInDevice(browser, alice, 'alice', { baseURL: `http://localhost:${APP_PORT}` });
  // A fingerprint reader as Chromium simulates it: a platform authenticator with PRF that verifies the user.
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', ctap2Version: 'ctap2_1', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, hasPrf: true, automaticPresenceSimulation: true },
  });
  const settings = await turnOnLock(page, PIN);
  await settings.getByRole('button', { name: 'Also unlock with this device (fingerprint, face or screen lock)' }).click();
  await expect(settings.getByTestId('passkey-on')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByRole('button', { name: 'Unlock with this device' }).click();
  await expect(roomButton(page, roomName)).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test('the app locks itself after the chosen time without activity, not while it is used', async ({ browser }) => {
  test.setTimeout(120_000);
  const alice = await newUser('alice');
  const context = await browser.newContext();
  // The page's timers on a clock the test moves (time flows as usual meanwhile).
  await context.clock.install();
  const page = await context.newPage();
  await loginThroughUi(page, alice);
  await saveRecoveryKey(page);
  await turnOnLock(page, PIN, 1);

  await page.clock.fastForward('00:40');
  await page.keyboard.press('Shift');
  await page.clock.fastForward('00:40');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await page.clock.fastForward('00:30');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await unlock(page, PIN);
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await context.close();
});

test('on a phone the app suggests the lock once signed in; "Not now" is kept', async ({ browser }) => {
  test.setTimeout(120_000);
  const alice = await newUser('alice');
  const { context, page } = await signedInDevice(browser, alice, 'alice', { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const suggestion = page.getByTestId('lock-suggestion');
  await expect(suggestion).toBeVisible();
  await suggestion.getByRole('button', { name: 'Set up the app lock' }).click();
  await expect(page.getByTestId('app-lock-settings').getByLabel('PIN or passphrase (at least 6 characters)')).toBeVisible();
  await page.getByTestId('settings-dialog').getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await page.getByTestId('lock-suggestion').getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByTestId('lock-suggestion')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('room-list').or(page.getByText('No chats yet'))).toBeVisible();
  await page.waitForTimeout(1_000);
  await expect(page.getByTestId('lock-suggestion')).toHaveCount(0);
  await context.close();
});
