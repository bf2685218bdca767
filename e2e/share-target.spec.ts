import { expect, test } from '@playwright/test';
import { loginThroughUi, openRoomId, saveRecoveryKey, trackPageErrors } from './app';
import { newUser } from './homeserver';

const PDF = Buffer.from('%PDF-1.4\n% shared from the phone gallery\n%%EOF\n');

test('a file shared from another app (a POST to the manifest\'s share action) opens "Send to…", and goes to the room picked', async ({ page }) => {
  test.setTimeout(120_000);
  const [alice, bob] = await Promise.all([newUser('alice'), newUser('bob')]);
  const roomId = await bob.api.sharedRoom('Chantier', alice.api);
  const errors = trackPageErrors(page);
  await loginThroughUi(page, alice);
  await saveRecoveryKey(page);
  // The service worker receives shares: it must control the page, as for an installed app.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest.share_target).toMatchObject({ action: '/share-target', method: 'POST', enctype: 'multipart/form-data' });

  // What the browser sends when the user shares a file into the installed app.
  await page.evaluate(({ action, field }) => {
    document.body.insertAdjacentHTML(
      'beforeend',
      `<form id="share" method="post" action="${action}" enctype="multipart/form-data"><input type="file" name="${field}"><input name="title" value="Plang vum Chantier"></form>`,
    );
  }, { action: manifest.share_target.action, field: manifest.share_target.params.files[0].name });
  await page.locator('#share input[type="file"]').setInputFiles({ name: 'plang.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.evaluate(() => (document.getElementById('share') as HTMLFormElement).submit());

  const picker = page.getByTestId('share-picker');
  await expect(picker.getByRole('heading', { name: 'Send to…' })).toBeVisible({ timeout: 30_000 });
  await expect(picker).toContainText('1 file to send');
  await picker.getByRole('button', { name: 'Chantier' }).click();
  await expect(picker.getByLabel('Caption (optional)')).toHaveValue('Plang vum Chantier');
  await picker.getByRole('button', { name: 'Send' }).click();

  // The room opens, and bob receives the file once.
  await expect.poll(() => openRoomId(page), { timeout: 30_000 }).toBe(roomId);
  await expect
    .poll(async () => (await bob.api.events(roomId)).filter((e) => e.content.msgtype === 'm.file').map((e) => [e.content.body, e.content.filename]), { timeout: 60_000 })
    .toEqual([['Plang vum Chantier', 'plang.pdf']]);
  // The share is forgotten: opening the picker again has nothing to send.
  await page.goto('/en/#/share');
  await expect(page.getByTestId('share-picker')).toContainText('Nothing was shared, or it was sent already.');
  expect(errors).toEqual([]);
});
