import { encryptAttachment } from 'matrix-encrypt-attachment';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../db/session';
import { downloadAttachment } from './downloadAttachment';
import { freshDatabase } from '../db/testDatabase';

beforeEach(async () => {
  await freshDatabase();
  await saveSession({ id: 'current', homeserverUrl: 'http://hs', userId: '@me:hs', deviceId: 'D', accessToken: 'secret' });
});
afterEach(() => vi.unstubAllGlobals());

const plain = new TextEncoder().encode('site report');

describe('downloadAttachment', () => {
  it('fetches an encrypted file with the token in a header, checks its hash and decrypts it', async () => {
    const { data, info } = await encryptAttachment(plain.buffer);
    const fetchMock = vi.fn(async () => new Response(data));
    vi.stubGlobal('fetch', fetchMock);
    const blob = await downloadAttachment({ msgtype: 'm.file', body: 'r.txt', info: { mimetype: 'text/plain' }, file: { ...info, url: 'mxc://hs/abc' } });
    expect(await blob.text()).toBe('site report');
    expect(blob.type).toBe('text/plain');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://hs/_matrix/client/v1/media/download/hs/abc');
    expect(init.headers).toEqual({ authorization: 'Bearer secret' });
  });

  it('refuses bytes that do not match the event\'s hash', async () => {
    const { data, info } = await encryptAttachment(plain.buffer);
    const tampered = new Uint8Array(data);
    tampered[0] ^= 0xff;
    vi.stubGlobal('fetch', async () => new Response(tampered));
    await expect(downloadAttachment({ msgtype: 'm.file', body: 'r.txt', file: { ...info, url: 'mxc://hs/abc' } })).rejects.toMatchObject({ code: 'brokenMedia' });
  });

  it('says offline when the homeserver cannot be reached, and refuses a URI that is not one', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(downloadAttachment({ msgtype: 'm.file', body: 'a', url: 'mxc://hs/abc' })).rejects.toMatchObject({ code: 'offline' });
    await expect(downloadAttachment({ msgtype: 'm.file', body: 'a', url: 'https://evil/x' })).rejects.toMatchObject({ code: 'brokenMedia' });
  });
});

describe('downloads kept and retried', () => {
  it('keeps a downloaded file so it opens again offline', async () => {
    const fetchMock = vi.fn(async () => new Response('the plan', { headers: { 'content-length': '8' } }));
    vi.stubGlobal('fetch', fetchMock);
    const content = { msgtype: 'm.file', body: 'plan.txt', info: { mimetype: 'text/plain' }, url: 'mxc://hs/plan' };
    const progress: number[] = [];
    expect(await (await downloadAttachment(content, { onProgress: (f) => progress.push(f) })).text()).toBe('the plan');
    expect(progress.at(-1)).toBe(1);
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await (await downloadAttachment(content)).text()).toBe('the plan');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('tries again when the connection breaks half-way, and stops when cancelled', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', async () => {
      calls++;
      if (calls === 1) throw new TypeError('connection reset');
      return new Response('report', { headers: { 'content-length': '6' } });
    });
    expect(await (await downloadAttachment({ msgtype: 'm.file', body: 'r', url: 'mxc://hs/r1' }, { onProgress: () => undefined })).text()).toBe('report');
    expect(calls).toBe(2);
    const abort = new AbortController();
    abort.abort();
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      return new Response('x');
    });
    await expect(downloadAttachment({ msgtype: 'm.file', body: 'r', url: 'mxc://hs/r2' }, { signal: abort.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });
});
