import { expect, test } from '@playwright/test';
import { roomButton, signedInDevice } from './app';
import { newUser } from './homeserver';
import { cut, restore } from './network';
import { HOMESERVER_URL } from './ports';

test('a direct chat started offline: written in at once, kept over a reload, created once when the network is back, and bob reads it all in order', async ({ browser }) => {
  test.setTimeout(150_000);
  const [alice, bob] = await Promise.all([newUser('alice'), newUser('bob')]);
  // Bob first, so his device's keys exist when alice encrypts for him.
  const { context: bobContext, page: b, errors: bobErrors } = await signedInDevice(browser, bob, 'bob');
  const { context: aliceContext, page: a, errors: aliceErrors } = await signedInDevice(browser, alice, 'alice');
  const roomsBefore = (await alice.api.call<{ joined_rooms: string[] }>('GET', '/joined_rooms')).joined_rooms.length;

  await cut(aliceContext, HOMESERVER_URL);
  await a.getByRole('button', { name: 'New message' }).click();
  await a.getByLabel('User ID').fill(bob.userId);
  await a.getByRole('button', { name: 'Start chat' }).click();
  // The chat opens at once, encrypted, and says it is waiting to be created.
  await expect(a.getByTestId('room-encrypted')).toBeVisible();
  await expect(a.getByTestId('room-change')).toContainText('Create the chat · Waiting to be sent');
  const composer = a.getByRole('textbox', { name: 'Message' });
  for (const text of ['Moien Bob', 'D’Pläng sinn am Anhang']) {
    await composer.fill(text);
    await composer.press('Enter');
    await expect(composer).toHaveValue('');
  }
  // Starting the same chat again offline opens this one, not a second.
  await a.getByRole('button', { name: 'New message' }).click();
  await a.getByLabel('User ID').fill(bob.userId);
  await a.getByRole('button', { name: 'Start chat' }).click();
  await expect(roomButton(a)).toHaveCount(1);

  // Kept over a reload, still offline.
  await a.reload();
  await expect(roomButton(a)).toHaveCount(1);
  await roomButton(a).first().click();
  await expect(a.getByTestId('message-body').filter({ hasText: 'Moien Bob' })).toBeVisible();

  await restore(aliceContext, HOMESERVER_URL);
  await expect(a.getByTestId('room-change')).toHaveCount(0, { timeout: 30_000 });
  // Alice is moved to the real room; her messages are delivered there.
  await expect(a).toHaveURL(/#\/room\/!/, { timeout: 30_000 });
  await expect(a.locator('[data-testid="message"]:not([data-pending])').getByText('D’Pläng sinn am Anhang')).toBeVisible({ timeout: 30_000 });
  expect((await alice.api.call<{ joined_rooms: string[] }>('GET', '/joined_rooms')).joined_rooms.length).toBe(roomsBefore + 1);

  // Bob accepts and reads both, once each, in order.
  await expect(roomButton(b)).toHaveCount(1, { timeout: 30_000 });
  await roomButton(b).first().click();
  await b.getByRole('button', { name: 'Accept' }).click();
  const bodies = b.getByTestId('timeline').getByTestId('message-body');
  await expect(bodies.filter({ hasText: 'D’Pläng sinn am Anhang' })).toBeVisible({ timeout: 30_000 });
  await expect(bodies).toHaveText(['Moien Bob', 'D’Pläng sinn am Anhang']);
  expect([...aliceErrors, ...bobErrors]).toEqual([]);
  await aliceContext.close();
  await bobContext.close();
});
