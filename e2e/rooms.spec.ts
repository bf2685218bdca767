import { expect, test } from '@playwright/test';
import { loginThroughUi, roomButton, saveRecoveryKey, trackPageErrors } from './app';
import { newUser } from './homeserver';
import { cut, restore } from './network';
import { HOMESERVER_URL } from './ports';

const room = (id: string) => `/rooms/${encodeURIComponent(id)}`;

test('room management: refused without power, then rename, topic (queued offline) and invite; join by alias; leave after a confirmation; display name', async ({ page, context }) => {
  test.setTimeout(150_000);
  const errors = trackPageErrors(page);
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const carol = await newUser('carol');
  const roomId = await bob.api.sharedRoom('Projet', alice.api);
  await loginThroughUi(page, alice, HOMESERVER_URL);
  await saveRecoveryKey(page);
  await roomButton(page, 'Projet').click();

  // alice has no power here: the rename is refused, in her language, and nothing changes.
  await page.getByRole('button', { name: 'Chat settings' }).click();
  const settings = page.getByTestId('room-settings');
  await expect(settings.getByText('Only moderators can change this.').first()).toBeVisible();
  await settings.locator('input[name="name"]').fill('Renamed by alice');
  await settings.locator('form').first().getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('You do not have permission to do this in this chat.')).toBeVisible();
  expect((await bob.api.call<{ name: string }>('GET', `${room(roomId)}/state/m.room.name`)).name).toBe('Projet');

  // bob makes alice an admin.
  const levels = await bob.api.call<{ users: Record<string, number> }>('GET', `${room(roomId)}/state/m.room.power_levels`);
  await bob.api.call('PUT', `${room(roomId)}/state/m.room.power_levels`, { ...levels, users: { ...levels.users, [alice.userId]: 100 } });
  await page.getByRole('button', { name: 'Members' }).click();
  await expect(page.getByTestId('members').locator(`[data-user-id="${alice.userId}"]`).getByTestId('member-role')).toHaveText('Admin', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Chat settings' }).click();
  await settings.locator('input[name="name"]').fill('Projet N7');
  await settings.locator('form').first().getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Saved')).toBeVisible();
  await expect.poll(async () => (await bob.api.call<{ name: string }>('GET', `${room(roomId)}/state/m.room.name`)).name).toBe('Projet N7');
  await expect(page.getByTestId('room-change')).toHaveCount(0, { timeout: 30_000 });
  // The topic is set offline: it waits in the room, and goes when the network is back.
  await cut(context, HOMESERVER_URL);
  await settings.locator('input[name="topic"]').fill('Roadworks between km 10 and 14');
  await settings.locator('form').nth(1).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('room-change')).toContainText('Change the topic · Waiting to be sent');
  await restore(context, HOMESERVER_URL);
  await expect(page.getByTestId('room-change')).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await bob.api.call<{ name: string }>('GET', `${room(roomId)}/state/m.room.name`)).name).toBe('Projet N7');
  await expect
    .poll(async () => (await bob.api.call<{ topic: string }>('GET', `${room(roomId)}/state/m.room.topic`).catch(() => ({ topic: null }))).topic)
    .toBe('Roadworks between km 10 and 14');
  await expect(page.getByTestId('room-title')).toHaveText('Projet N7', { timeout: 30_000 });
  await expect(page.getByTestId('room-topic')).toHaveText('Roadworks between km 10 and 14');

  // Invite carol to this existing room.
  await page.getByRole('button', { name: 'Members' }).click();
  const members = page.getByTestId('members');
  await members.locator('input[name="invite"]').fill(carol.userId);
  await members.getByRole('button', { name: 'Invite' }).click();
  await expect(members.getByText('Invitation sent')).toBeVisible();
  await expect
    .poll(async () => (await bob.api.call<{ membership: string }>('GET', `${room(roomId)}/state/m.room.member/${encodeURIComponent(carol.userId)}`).catch(() => ({ membership: null }))).membership)
    .toBe('invite');

  // Join a public room by its alias.
  const alias = `service-${Date.now().toString(36)}`;
  const { room_id: publicRoom } = await bob.api.call<{ room_id: string }>('POST', '/createRoom', { name: 'Service public', preset: 'public_chat', room_alias_name: alias });
  await page.getByRole('button', { name: 'Join a chat' }).click();
  await page.locator('input[name="address"]').fill(`#${alias}:localhost`);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByTestId('room-title')).toHaveText('Service public', { timeout: 30_000 });
  await expect
    .poll(async () => Object.keys((await bob.api.call<{ joined: Record<string, unknown> }>('GET', `${room(publicRoom)}/joined_members`)).joined))
    .toContain(alice.userId);

  // Leave "Projet N7", after confirming.
  await roomButton(page, 'Projet N7').click();
  await page.getByRole('button', { name: 'Leave' }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('Leave this chat?');
  await confirm.getByRole('button', { name: 'Leave' }).click();
  await expect
    .poll(async () => (await bob.api.call<{ membership: string }>('GET', `${room(roomId)}/state/m.room.member/${encodeURIComponent(alice.userId)}`)).membership)
    .toBe('leave');
  await expect(roomButton(page, 'Projet N7')).toHaveCount(0, { timeout: 30_000 });

  // Her display name, changed in Settings, is what others see.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const displayName = page.locator('input[name="displayName"]');
  await expect(displayName).toHaveValue(alice.username);
  await displayName.fill('Alice Muller');
  await displayName.press('Enter');
  await expect(page.getByText('Saved')).toBeVisible();
  await expect
    .poll(async () => (await bob.api.call<{ displayname: string }>('GET', `/profile/${encodeURIComponent(alice.userId)}/displayname`)).displayname)
    .toBe('Alice Muller');
  expect(errors).toEqual([]);
});
