import { expect, test } from '@playwright/test';
import { echoConsole, loadOlderUntil, loginThroughUi, messageBodies, roomButton, saveRecoveryKey, trackPageErrors } from './app';
import { newUser } from './homeserver';
import { meterSync } from './store';

test('a tab that does not sync starts a DM, accepts an invite, loads older messages and lists devices', async ({ context }) => {
  test.setTimeout(120_000);
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const archive = await bob.api.sharedRoom('Archiv', alice.api);
  for (let i = 1; i <= 80; i++) await bob.api.send(archive, `Message ${i}`);

  const syncing = await context.newPage();
  const other = await context.newPage();
  const errors = [syncing, other].map(trackPageErrors);
  echoConsole(syncing, 'syncing');
  echoConsole(other, 'other');
  await loginThroughUi(syncing, alice);
  await saveRecoveryKey(syncing);
  const meter = meterSync(other);
  await other.goto('/en/');
  await expect(roomButton(other, 'Archiv')).toBeVisible();

  // A direct message, created by the syncing tab on this tab's request.
  await other.getByRole('button', { name: 'New message' }).click();
  await other.getByLabel('User ID').fill(bob.userId);
  await other.getByRole('button', { name: 'Start chat' }).click();
  await expect(other.getByTestId('room-encrypted')).toBeVisible();
  await expect(other.getByTestId('room-title')).toContainText(bob.username);

  // An invitation, accepted from here.
  const invited = await bob.api.createRoom('Einladung', [alice.userId]);
  await roomButton(other, 'Einladung').click();
  await other.getByRole('button', { name: 'Accept' }).click();
  await expect(other.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await expect.poll(async () => {
    const { joined } = await bob.api.call<{ joined: Record<string, unknown> }>('GET', `/rooms/${encodeURIComponent(invited)}/joined_members`);
    return Object.keys(joined).sort();
  }).toEqual([alice.userId, bob.userId].sort());

  // Older history, fetched through the syncing tab.
  await roomButton(other, 'Archiv').click();
  await expect(messageBodies(other).last()).toHaveText('Message 80');
  await loadOlderUntil(other, 'Message 1');

  // The device list.
  await other.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(other.getByTestId('devices').getByText('this device')).toBeVisible();

  expect(meter.urls, 'the other tab never synced').toEqual([]);
  expect(errors.flat()).toEqual([]);
});
