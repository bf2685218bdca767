import { describe, expect, it } from 'vitest';
import { roomEncryptionOnServer } from './roomEncryption';

const answer = (status: number, body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status });

describe('roomEncryptionOnServer', () => {
  it('reads the m.room.encryption state: present, absent (M_NOT_FOUND), or unknown', async () => {
    expect(await roomEncryptionOnServer('http://hs', 't', '!r', answer(200, { algorithm: 'm.megolm.v1.aes-sha2' }))).toBe('encrypted');
    expect(await roomEncryptionOnServer('http://hs', 't', '!r', answer(404, { errcode: 'M_NOT_FOUND' }))).toBe('unencrypted');
    // Not in the room any more, or a proxy's 404 page: we cannot tell, so no plaintext.
    expect(await roomEncryptionOnServer('http://hs', 't', '!r', answer(403, { errcode: 'M_FORBIDDEN' }))).toBe('unknown');
    expect(await roomEncryptionOnServer('http://hs', 't', '!r', async () => new Response('<html>', { status: 404 }))).toBe('unknown');
    expect(await roomEncryptionOnServer('http://hs', 't', '!r', async () => Promise.reject(new TypeError('offline')))).toBe('unknown');
  });

  it('asks with the token in a header, for the given room', async () => {
    let seen: { url: string; auth: string | null } | null = null;
    await roomEncryptionOnServer('http://hs', 'secret', '!r:hs', async (input, init) => {
      seen = { url: String(input), auth: new Headers(init?.headers).get('authorization') };
      return new Response('{}', { status: 200 });
    });
    expect(seen).toEqual({ url: 'http://hs/_matrix/client/v3/rooms/!r%3Ahs/state/m.room.encryption/', auth: 'Bearer secret' });
  });
});
