import { expect, test } from '@playwright/test';
import { loadOlderUntil, loginThroughUi, messageBodies, roomButton } from './app';
import { newUser } from './homeserver';
import { storedBodies } from './store';

test('older messages are fetched on request and kept on the device, without doubles', async ({ page }) => {
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const roomId = await bob.api.sharedRoom('Archiv', alice.api);
  for (let i = 1; i <= 80; i++) await bob.api.send(roomId, `Message ${i}`);

  await loginThroughUi(page, alice);
  await roomButton(page, 'Archiv').click();
  await expect(messageBodies(page).last()).toHaveText('Message 80');
  // The first sync brings only the newest events.
  await expect(messageBodies(page).filter({ hasText: /^Message 1$/ })).toHaveCount(0);

  await loadOlderUntil(page, 'Message 1');
  await expect(messageBodies(page)).toHaveCount(80);
  const stored = (await storedBodies(page, roomId)).length;
  expect(stored).toBe(80);
});
