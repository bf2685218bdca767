import { expect, test } from '@playwright/test';
import { echoConsole, loginThroughUi, messageBodies, roomButton, saveRecoveryKey, trackPageErrors } from './app';
import { ownHomeserver } from './homeserver';

test('conversations open from the device with the homeserver stopped, and catch up when it returns', async ({ page }) => {
  test.setTimeout(150_000);
  const hs = await ownHomeserver('offline-store', 18020);
  try {
    const errors = trackPageErrors(page);
    echoConsole(page, 'alice');
    const alice = await hs.users.create('alice');
    const bob = await hs.users.create('bob');
    const rooms: { id: string; name: string }[] = [];
    for (const name of ['Équipe', 'Projet', 'Support']) {
      const id = await bob.api.sharedRoom(name, alice.api);
      await bob.api.send(id, `${name}: Moien`);
      await bob.api.send(id, `${name}: zweete Message`);
      rooms.push({ id, name });
    }

    await loginThroughUi(page, alice, hs.baseUrl);
    // The account's encryption is set up before the homeserver goes away.
    await saveRecoveryKey(page);
    for (const room of rooms) {
      await expect(roomButton(page, room.name).getByTestId('room-preview')).toContainText(`${room.name}: zweete Message`);
    }
    await expect(page.getByTestId('connection-status')).toHaveCount(0);

    await hs.stop();
    await page.reload();
    await expect(page.getByTestId('connection-status')).toHaveText('Offline', { timeout: 30_000 });
    for (const room of rooms) {
      await roomButton(page, room.name).click();
      await expect(messageBodies(page)).toHaveText([`${room.name}: Moien`, `${room.name}: zweete Message`]);
    }

    await hs.restart();
    // Sent while alice's page was cut off from the homeserver (her client has not synced since).
    await bob.api.send(rooms[0].id, 'Mir sinn erëm do');
    await bob.api.send(rooms[2].id, 'Support ass erëm online');
    await expect(page.getByTestId('connection-status')).toHaveCount(0, { timeout: 45_000 });
    await roomButton(page, rooms[0].name).click();
    await expect(messageBodies(page).last()).toHaveText('Mir sinn erëm do', { timeout: 30_000 });
    await expect(roomButton(page, rooms[2].name).getByTestId('room-preview')).toContainText('Support ass erëm online');
    await expect(messageBodies(page).filter({ hasText: 'Mir sinn erëm do' })).toHaveCount(1);
    expect(errors).toEqual([]);
  } finally {
    await hs.dispose();
  }
});
