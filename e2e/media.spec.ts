import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { createdRoomId, loginThroughUi, roomButton, saveRecoveryKey, signedInDevice, trackPageErrors } from './app';
import { drawing, expectPicture, filesUnder } from './images';
import { newUser } from './homeserver';
import { cut, restore } from './network';
import { HOMESERVER_URL } from './ports';

const MEDIA_STORE = join(dirname(fileURLToPath(import.meta.url)), '..', '.synapse', 'e2e', 'media');

const PDF = Buffer.from('%PDF-1.4\n% Luxchat test: Plang vum Chantier N7, km 10 bis 14\n%%EOF\n');

test('an encrypted DM: alice sends a picture with a caption and a PDF; bob sees the picture and downloads the same bytes; the homeserver holds neither in the clear', async ({ browser }) => {
  test.setTimeout(180_000);
  const [alice, bob] = await Promise.all([newUser('alice'), newUser('bob')]);
  const { context: bobContext, page: b, errors: bobErrors } = await signedInDevice(browser, bob, 'bob', { acceptDownloads: true });
  const { context: aliceContext, page: a, errors: aliceErrors } = await signedInDevice(browser, alice, 'alice');
  await a.getByRole('button', { name: 'New message' }).click();
  await a.getByLabel('User ID').fill(bob.userId);
  await a.getByRole('button', { name: 'Start chat' }).click();
  await createdRoomId(a);
  await roomButton(b).first().click({ timeout: 30_000 });
  await b.getByRole('button', { name: 'Accept' }).click();
  await expect(b.getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 30_000 });

  const png = await drawing(a, 1600, 1200);
  await a.getByTestId('attach-input').setInputFiles([
    { name: 'chantier.png', mimeType: 'image/png', buffer: png },
    { name: 'plang.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  const preview = a.getByTestId('attachment-preview');
  await preview.getByLabel('Caption (optional)').fill('De Chantier haut de Moien');
  await preview.getByRole('button', { name: 'Send' }).click();
  await expect(preview).toHaveCount(0);
  await expect(a.locator('[data-pending]')).toHaveCount(0, { timeout: 60_000 });

  // Bob: the picture, decrypted on his device, with its caption; the PDF as a card.
  const timeline = b.getByTestId('timeline');
  await expectPicture(timeline.getByTestId('attachment-picture'));
  await expect(timeline.getByTestId('attachment-caption')).toHaveText('De Chantier haut de Moien');
  // Opened full size over everything; Escape closes it.
  await timeline.getByRole('button', { name: 'Open the picture De Chantier haut de Moien' }).click();
  const lightbox = b.getByTestId('lightbox');
  await expect(lightbox.getByTestId('lightbox-image')).toHaveAttribute('data-full', '', { timeout: 30_000 });
  expect(await lightbox.getByTestId('lightbox-image').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1600, 1200]);
  await b.keyboard.press('Escape');
  await expect(lightbox).toHaveCount(0);
  const card = timeline.getByTestId('attachment-file');
  await expect(card.getByTestId('attachment-name')).toContainText('plang.pdf');
  const [download] = await Promise.all([b.waitForEvent('download'), card.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('plang.pdf');
  expect(readFileSync((await download.path())!)).toEqual(PDF);

  // The events, as bob's device decrypted them, carry `file` (key, iv, hash), never `url`.
  const decrypted = await b.evaluate(
    () =>
      new Promise<{ msgtype: string; file: boolean; url: boolean }[]>((resolve) => {
        const open = indexedDB.open('luxchat');
        open.onsuccess = () => {
          const all = open.result.transaction('events', 'readonly').objectStore('events').getAll();
          all.onsuccess = () =>
            resolve(
              (all.result as { msgtype?: string; content?: Record<string, unknown> }[])
                .filter((e) => e.msgtype === 'm.image' || e.msgtype === 'm.file')
                .map((e) => ({ msgtype: e.msgtype!, file: typeof e.content?.file === 'object', url: 'url' in (e.content ?? {}) })),
            );
        };
      }),
  );
  expect(decrypted.sort((x, y) => x.msgtype.localeCompare(y.msgtype))).toEqual([
    { msgtype: 'm.file', file: true, url: false },
    { msgtype: 'm.image', file: true, url: false },
  ]);

  // The homeserver has ciphertext only: no stored file holds the PDF or the picture's bytes.
  const stored = filesUnder(MEDIA_STORE).map((f) => readFileSync(f));
  expect(stored.length).toBeGreaterThan(0);
  expect(stored.some((bytes) => bytes.includes(PDF.subarray(0, 40)))).toBe(false);
  expect(stored.some((bytes) => bytes.includes(Buffer.from('IHDR')))).toBe(false);
  expect([...aliceErrors, ...bobErrors]).toEqual([]);
  await aliceContext.close();
  await bobContext.close();
});

test('an unencrypted room: a photo sent offline goes once after a reload, scaled down, with a thumbnail; a file over the server\'s limit is refused', async ({ page, context }) => {
  test.setTimeout(150_000);
  const [alice, bob] = await Promise.all([newUser('alice'), newUser('bob')]);
  const roomId = await bob.api.call<{ room_id: string }>('POST', '/createRoom', { name: 'Terrain', invite: [alice.userId], preset: 'private_chat' }).then((r) => r.room_id);
  await alice.api.join(roomId);
  const errors = trackPageErrors(page);
  await loginThroughUi(page, alice);
  await saveRecoveryKey(page);
  await roomButton(page, 'Terrain').click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();

  // Over the limit (2 MB in the test homeserver's configuration): refused, named, nothing queued.
  await page.getByTestId('attach-input').setInputFiles({ name: 'video.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(2 * 1024 * 1024 + 10, 1) });
  await page.getByTestId('attachment-preview').getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('attachment-preview')).toContainText('“video.bin” is too large: this server accepts files up to 2 MB.');
  await page.getByTestId('attachment-preview').getByRole('button', { name: 'Cancel' }).click();

  const png = await drawing(page, 3000, 2000);
  await cut(context, HOMESERVER_URL);
  await page.getByTestId('attach-input').setInputFiles({ name: 'schild.png', mimeType: 'image/png', buffer: png });
  await page.getByTestId('attachment-preview').getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('[data-pending]')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('[data-pending]')).toHaveCount(1);
  await restore(context, HOMESERVER_URL);
  await expect(page.locator('[data-pending]')).toHaveCount(0, { timeout: 60_000 });

  const images = (await bob.api.events(roomId)).filter((e) => e.type === 'm.room.message' && e.content.msgtype === 'm.image');
  expect(images).toHaveLength(1);
  const content = images[0].content as { url: string; body: string; info: { w: number; h: number; mimetype: string; thumbnail_url: string; thumbnail_info: { w: number; h: number } } };
  expect(content.body).toBe('schild.png');
  expect(content.url).toMatch(/^mxc:\/\//);
  expect(content.info).toMatchObject({ w: 2048, h: 1365, mimetype: 'image/png' });
  expect(content.info.thumbnail_url).toMatch(/^mxc:\/\//);
  expect(content.info.thumbnail_info).toMatchObject({ w: 800, h: 533 });
  expect((content.info as Record<string, unknown>)['xyz.amorgan.blurhash']).toMatch(/^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{6,}$/);
  // Alice's own timeline shows it from the homeserver's thumbnail, and offline after a reload.
  await expectPicture(page.getByTestId('timeline').getByTestId('attachment-picture'));
  await cut(context, HOMESERVER_URL);
  await page.reload();
  await expectPicture(page.getByTestId('timeline').getByTestId('attachment-picture'));
  await restore(context, HOMESERVER_URL);

  // A phone photo's EXIF (its location) does not leave the device: the photo is re-encoded.
  const jpeg = await drawing(page, 1200, 900, 'image/jpeg');
  const exif = Buffer.concat([Buffer.from('Exif\0\0MM\0*\0\0\0\x08', 'latin1'), Buffer.from('LUXGPS 49.6116N 6.1319E')]);
  const withExif = Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif, jpeg.subarray(2)]);
  await page.getByTestId('attach-input').setInputFiles({ name: 'terrain.jpg', mimeType: 'image/jpeg', buffer: withExif });
  await page.getByTestId('attachment-preview').getByRole('button', { name: 'Send' }).click();
  await expect
    .poll(async () => (await bob.api.events(roomId)).filter((e) => e.content.body === 'terrain.jpg').length, { timeout: 30_000 })
    .toBe(1);
  const stored = filesUnder(MEDIA_STORE).map((f) => readFileSync(f));
  expect(stored.some((bytes) => bytes.includes(Buffer.from('LUXGPS')))).toBe(false);

  // An encrypted attachment whose bytes do not match its hash is refused, never shown.
  const tamperedUrl = await bob.api.upload(new Uint8Array(4096).fill(7), 'application/octet-stream');
  await bob.api.sendEvent(roomId, 'm.room.message', {
    msgtype: 'm.image',
    body: 'tampered.png',
    info: { mimetype: 'image/png', w: 100, h: 100 },
    file: {
      url: tamperedUrl,
      key: { kty: 'oct', key_ops: ['encrypt', 'decrypt'], alg: 'A256CTR', k: 'qcHVMSgYg-71CauWBezXI5qkaRb0LuIy-Wx5kIaHMIA', ext: true },
      iv: 'X85+XgHN+HEAAAAAAAAAAA',
      hashes: { sha256: 'not-the-hash-of-these-bytes' },
      v: 'v2',
    },
  });
  await expect(page.getByTestId('timeline').getByTestId('attachment-broken')).toHaveText('This attachment cannot be shown.', { timeout: 30_000 });

  // An attachment waiting to go up can be cancelled: it never arrives.
  await cut(context, HOMESERVER_URL);
  await page.getByTestId('attach-input').setInputFiles({ name: 'verworf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 not to be sent') });
  await page.getByTestId('attachment-preview').getByRole('button', { name: 'Send' }).click();
  const waiting = page.locator('[data-pending]').filter({ hasText: 'verworf.pdf' });
  await expect(waiting.getByRole('progressbar', { name: 'Uploading' })).toBeVisible();
  await waiting.getByTestId('upload-status').getByRole('button', { name: 'Cancel' }).click();
  await expect(waiting).toHaveCount(0);
  await restore(context, HOMESERVER_URL);

  // Data saver: a picture with a large thumbnail shows its BlurHash and waits for a tap.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Data saver').selectOption('on');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-saver', 'on');
  const bigUrl = await bob.api.upload(new Uint8Array(png), 'image/png');
  await bob.api.sendEvent(roomId, 'm.room.message', {
    msgtype: 'm.image',
    body: 'luftbild.png',
    url: bigUrl,
    info: { mimetype: 'image/png', w: 3000, h: 2000, size: png.length, thumbnail_info: { w: 800, h: 533, size: 300_000 }, 'xyz.amorgan.blurhash': 'LEHV6nWB2yk8pyo0adR*.7kCMdnj' },
  });
  const saved = page.getByTestId('timeline').getByTestId('attachment').filter({ has: page.getByRole('button', { name: 'Open the picture luftbild.png' }) });
  await expect(saved.getByTestId('attachment-blurhash')).toBeVisible({ timeout: 30_000 });
  await expect(saved.getByTestId('attachment-load')).toHaveText('Show the picture (293 KB)');
  await page.waitForTimeout(1_000);
  await expect(saved.getByTestId('attachment-picture')).not.toHaveAttribute('data-loaded', '');
  await saved.getByTestId('attachment-load').click();
  await expectPicture(saved.getByTestId('attachment-picture'));
  // The cancelled file never reached the room.
  expect((await bob.api.events(roomId)).filter((e) => e.content.body === 'verworf.pdf')).toEqual([]);
  expect(errors).toEqual([]);
});
