import { expect, test } from '@playwright/test';
import { roomButton, signedInDevice } from './app';
import { drawing, expectPicture } from './images';
import { newUser } from './homeserver';
import { cut, restore } from './network';
import { HOMESERVER_URL } from './ports';

const room = (id: string) => `/rooms/${encodeURIComponent(id)}`;

test('pictures and roles: alice sets her picture and the room\'s offline, bob accepts the invitation offline; each sees the other\'s changes, pictures stay offline', async ({ browser }) => {
  test.setTimeout(180_000);
  const [alice, bob] = await Promise.all([newUser('alice'), newUser('bob')]);
  const roomId = await alice.api.createRoom('Équipe terrain', [bob.userId]);
  const { context: aliceContext, page: a, errors: aliceErrors } = await signedInDevice(browser, alice, 'alice');
  const { context: bobContext, page: b, errors: bobErrors } = await signedInDevice(browser, bob, 'bob');
  const png = await drawing(a, 1200, 900);

  // Alice, offline: her own picture and the room's wait in the outbox.
  await cut(aliceContext, HOMESERVER_URL);
  await a.getByRole('button', { name: 'Settings', exact: true }).click();
  const profilePicture = a.getByRole('group', { name: 'Profile picture' });
  await profilePicture.locator('input[type="file"]').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
  await expect(profilePicture.getByTestId('picture-pending')).toContainText('Waiting to be sent');
  // Not a picture: refused in her language, nothing queued.
  await profilePicture.locator('input[type="file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(profilePicture.getByText('This file is not a picture this browser can read.')).toBeVisible();
  await expect(profilePicture.getByTestId('picture-pending')).toHaveCount(1);
  await a.getByRole('button', { name: 'Close', exact: true }).first().click();

  await roomButton(a, 'Équipe terrain').click();
  await a.getByRole('button', { name: 'Chat settings' }).click();
  const roomPicture = a.getByTestId('room-settings').getByRole('group', { name: 'Chat picture' });
  await roomPicture.locator('input[type="file"]').setInputFiles({ name: 'team.png', mimeType: 'image/png', buffer: png });
  await expect(a.getByTestId('room-change')).toContainText('Change the chat picture · Waiting to be sent');

  // Bob, offline: accepting the invitation waits too.
  await cut(bobContext, HOMESERVER_URL);
  await roomButton(b, 'Équipe terrain').click();
  await b.getByRole('button', { name: 'Accept' }).click();
  await expect(b.getByTestId('invite-joining')).toHaveText('Joining… waiting for the server');

  // The network is back: everything goes, once.
  await restore(aliceContext, HOMESERVER_URL);
  await restore(bobContext, HOMESERVER_URL);
  await expect(a.getByTestId('room-change')).toHaveCount(0, { timeout: 30_000 });
  await expect(b.getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 30_000 });
  const roomAvatar = await alice.api.call<{ url: string; info: { w: number; h: number; mimetype: string } }>('GET', `${room(roomId)}/state/m.room.avatar`);
  expect(roomAvatar.url).toMatch(/^mxc:\/\//);
  // Scaled on the device: the longest side is 512 px.
  expect(roomAvatar.info).toMatchObject({ w: 512, h: 384, mimetype: 'image/png' });
  await expect.poll(async () => (await alice.api.call<{ avatar_url?: string }>('GET', `/profile/${encodeURIComponent(alice.userId)}`)).avatar_url).toMatch(/^mxc:\/\//);
  const joined = await alice.api.call<{ joined: Record<string, unknown> }>('GET', `${room(roomId)}/joined_members`);
  expect(Object.keys(joined.joined).sort()).toEqual([alice.userId, bob.userId].sort());

  // Bob sees the room's picture in his list, alice's beside her message and in the member list.
  await alice.api.send(roomId, 'Photos vum Chantier kommen');
  await expectPicture(roomButton(b, 'Équipe terrain').getByTestId('avatar'));
  const aliceMessage = b.getByTestId('message').filter({ hasText: 'Photos vum Chantier kommen' });
  await expectPicture(aliceMessage.getByTestId('avatar'));
  await b.getByRole('button', { name: 'Members' }).click();
  await expectPicture(b.getByTestId('members').locator(`[data-user-id="${alice.userId}"]`).getByTestId('avatar'));

  // Alice makes bob a moderator from the member list; bob sees his new role.
  await a.getByRole('button', { name: 'Members' }).click();
  await a.getByTestId('members').locator(`[data-user-id="${bob.userId}"]`).getByRole('combobox').selectOption('moderator');
  await expect
    .poll(async () => (await alice.api.call<{ users: Record<string, number> }>('GET', `${room(roomId)}/state/m.room.power_levels`)).users[bob.userId])
    .toBe(50);
  await expect(b.getByTestId('members').locator(`[data-user-id="${bob.userId}"]`).getByTestId('member-role')).toHaveText('Moderator', { timeout: 30_000 });
  // Bob, a moderator, cannot change roles (it takes an admin here): no role menu for him.
  await expect(b.getByTestId('members').getByRole('combobox')).toHaveCount(0);

  // Offline, after a reload, the pictures are still there: kept on the device.
  await cut(bobContext, HOMESERVER_URL);
  await b.reload();
  await expectPicture(roomButton(b, 'Équipe terrain').getByTestId('avatar'));
  await restore(bobContext, HOMESERVER_URL);

  expect([...aliceErrors, ...bobErrors]).toEqual([]);
  await aliceContext.close();
  await bobContext.close();
});
