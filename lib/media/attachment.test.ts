import { decryptAttachment } from 'matrix-encrypt-attachment';
import { describe, expect, it } from 'vitest';
import { msgtypeOf, prepareAttachment } from './attachment';

const pdf = () => new File(['%PDF-1.7 plans for the site'], 'plan.pdf', { type: 'application/pdf' });

describe('prepareAttachment', () => {
  it('sends a file as it is in an unencrypted room, with its name, type and size', async () => {
    const { content, uploads } = await prepareAttachment(pdf(), { encrypt: false, caption: 'Plans' });
    expect(content).toEqual({ msgtype: 'm.file', body: 'Plans', filename: 'plan.pdf', info: { mimetype: 'application/pdf', size: 27 } });
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ contentType: 'application/pdf', name: 'plan.pdf' });
    expect(await uploads[0].blob.text()).toBe('%PDF-1.7 plans for the site');
  });

  it('encrypts a file for an encrypted room: the upload is ciphertext, the event carries the key and hash', async () => {
    const { content, uploads } = await prepareAttachment(pdf(), { encrypt: true });
    const file = content.file as { key: { alg: string; k: string }; iv: string; hashes: { sha256: string } };
    expect(file.key.alg).toBe('A256CTR');
    expect(file.hashes.sha256).toBeTruthy();
    expect(content.url).toBeUndefined();
    expect(uploads[0].contentType).toBe('application/octet-stream');
    expect(uploads[0].name).toBeUndefined();
    const ciphertext = await uploads[0].blob.arrayBuffer();
    expect(Buffer.from(ciphertext).toString()).not.toContain('plans for the site');
    const plain = await decryptAttachment(ciphertext, content.file as never);
    expect(Buffer.from(plain).toString()).toBe('%PDF-1.7 plans for the site');
  });

  it('names the message type by the file type', () => {
    expect([msgtypeOf('image/jpeg'), msgtypeOf('video/mp4'), msgtypeOf('audio/ogg'), msgtypeOf('application/pdf')]).toEqual(['m.image', 'm.video', 'm.audio', 'm.file']);
  });
});

describe('data saver and placeholders', async () => {
  const { blurhashIn, smallEnoughForSaver } = await import('./attachmentImages');
  it('lets only pictures with a small thumbnail load by themselves', () => {
    expect(smallEnoughForSaver({ info: { size: 3_000_000, thumbnail_info: { size: 20_000 } } })).toBe(true);
    expect(smallEnoughForSaver({ info: { size: 3_000_000, thumbnail_info: { size: 90_000 } } })).toBe(false);
    // No thumbnail: the picture itself is what would load.
    expect(smallEnoughForSaver({ info: { size: 30_000 } })).toBe(true);
    expect(smallEnoughForSaver({ info: { thumbnail_info: {} } })).toBe(false);
    expect(smallEnoughForSaver({})).toBe(false);
  });

  it('takes a BlurHash only when it looks like one', () => {
    expect(blurhashIn({ info: { 'xyz.amorgan.blurhash': 'LEHV6nWB2yk8pyo0adR*.7kCMdnj' } })).toBe('LEHV6nWB2yk8pyo0adR*.7kCMdnj');
    expect(blurhashIn({ info: { 'xyz.amorgan.blurhash': 42 } })).toBeUndefined();
    expect(blurhashIn({ info: { 'xyz.amorgan.blurhash': 'x'.repeat(500) } })).toBeUndefined();
  });
});
