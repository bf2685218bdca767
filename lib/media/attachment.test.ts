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
