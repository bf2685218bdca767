import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { echoConsole, loginThroughUi, roomButton, trackPageErrors, openRoomId } from './app';
import { newUser } from './homeserver';
import { HOMESERVER_URL } from './ports';

const SYNAPSE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.synapse', 'e2e');

test('alice starts a DM with bob and they talk, each in their own browser', async ({ browser }) => {
  const [alice, bob] = await Promise.all([newUser('alice'), newUser('bob')]);
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  const alicePage = await aliceContext.newPage();
  const bobPage = await bobContext.newPage();
  const aliceErrors = trackPageErrors(alicePage);
  const bobErrors = trackPageErrors(bobPage);
  const pageErrors = () => [...aliceErrors, ...bobErrors];
  echoConsole(alicePage, 'alice');
  echoConsole(bobPage, 'bob');

  // Bob first, so his device's keys exist when alice encrypts for him.
  await loginThroughUi(bobPage, bob);
  await loginThroughUi(alicePage, alice);

  await alicePage.getByRole('button', { name: 'New message' }).click();
  await alicePage.getByLabel('User ID').fill(bob.userId);
  await alicePage.getByRole('button', { name: 'Start chat' }).click();
  await expect(alicePage.getByTestId('room-encrypted')).toBeVisible();
  const composer = alicePage.getByRole('textbox', { name: 'Message' });
  await composer.fill('Moien');
  await composer.press('Enter');
  await expect(composer).toHaveValue('');
  // Alice's own message is in her timeline, delivered (no longer a local echo).
  await expect(alicePage.locator('[data-testid="message"]:not([data-pending])').getByText('Moien')).toBeVisible();

  // Bob: the invitation appears, he accepts, and the message decrypts within 10 s.
  await expect(roomButton(bobPage)).toHaveCount(1);
  await roomButton(bobPage).first().click();
  await bobPage.getByRole('button', { name: 'Accept' }).click();
  await expect(bobPage.getByTestId('message-body').filter({ hasText: /^Moien$/ })).toBeVisible({ timeout: 10_000 });

  const bobComposer = bobPage.getByRole('textbox', { name: 'Message' });
  await bobComposer.fill('Moien Alice, wéi geet et?');
  await bobComposer.press('Enter');
  await expect(alicePage.getByTestId('message-body').filter({ hasText: 'Moien Alice, wéi geet et?' })).toBeVisible({
    timeout: 10_000,
  });

  // Exactly once each, on both sides.
  for (const page of [alicePage, bobPage]) {
    await expect(page.getByTestId('message-body').filter({ hasText: /^Moien$/ })).toHaveCount(1);
    await expect(page.getByTestId('message-body').filter({ hasText: 'wéi geet et' })).toHaveCount(1);
  }
  // The room list previews the last message.
  await expect(roomButton(alicePage).first().getByTestId('room-preview')).toContainText('wéi geet et?');
  expect(pageErrors()).toEqual([]);

  // What the homeserver holds is ciphertext only: its API shows m.room.encrypted events, and
  // neither message is anywhere in its database files.
  const admin = await newUser('admin', true);
  const roomId = openRoomId(alicePage);
  const res = await fetch(`${HOMESERVER_URL}/_synapse/admin/v1/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=100`, {
    headers: { authorization: `Bearer ${admin.accessToken}` },
  });
  const { chunk } = (await res.json()) as { chunk: { type: string; state_key?: string }[] };
  const timeline = chunk.filter((e) => e.state_key === undefined);
  expect(timeline.map((e) => e.type)).toEqual(['m.room.encrypted', 'm.room.encrypted']);
  for (const file of readdirSync(SYNAPSE_DIR).filter((f) => f.startsWith('homeserver.db'))) {
    const bytes = readFileSync(join(SYNAPSE_DIR, file));
    expect(bytes.includes(Buffer.from('Moien Alice, wéi geet et?'))).toBe(false);
    expect(bytes.includes(Buffer.from('"body":"Moien"'))).toBe(false);
  }
  await aliceContext.close();
  await bobContext.close();
});
