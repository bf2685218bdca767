import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, db, DB_NAME } from '../db/database';
import { saveSession } from '../db/session';
import { putThumbnail, thumbnailKey } from '../db/thumbnails';
import { AVATAR_SIZE, avatarUrl, forgetAvatars, requestAvatar, subscribeAvatars } from './avatarImages';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

/** Resolves at the next change the store announces. */
const changed = () => new Promise<void>((resolve) => { const stop = subscribeAvatars(() => { stop(); resolve(); }); });

beforeEach(async () => {
  closeDb();
  await Dexie.delete(DB_NAME);
  forgetAvatars();
  await saveSession({ id: 'current', homeserverUrl: 'http://hs', userId: '@me:hs', deviceId: 'D', accessToken: 'secret' });
});

afterEach(() => vi.unstubAllGlobals());

describe('avatar images', () => {
  it('downloads an authenticated thumbnail once, with the token in a header, and keeps it on the device', async () => {
    const fetchMock = vi.fn(async () => new Response(PNG, { headers: { 'content-type': 'image/png' } }));
    vi.stubGlobal('fetch', fetchMock);
    const shown = changed();
    requestAvatar('mxc://hs/abc');
    requestAvatar('mxc://hs/abc');
    await shown;
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`http://hs/_matrix/client/v1/media/thumbnail/hs/abc?width=${AVATAR_SIZE}&height=${AVATAR_SIZE}&method=crop`);
    expect(url).not.toContain('secret');
    expect(init.headers).toEqual({ authorization: 'Bearer secret' });
    expect(avatarUrl('mxc://hs/abc')).toMatch(/^blob:/);
    expect((await db().thumbnails.get(thumbnailKey('mxc://hs/abc', AVATAR_SIZE)))?.blob.size).toBe(PNG.length);
  });

  it('shows a picture stored on the device without the network', async () => {
    const fetchMock = vi.fn(async () => { throw new TypeError('offline'); });
    vi.stubGlobal('fetch', fetchMock);
    await putThumbnail(thumbnailKey('mxc://hs/kept', AVATAR_SIZE), new Blob([PNG], { type: 'image/png' }));
    const shown = changed();
    requestAvatar('mxc://hs/kept');
    await shown;
    expect(avatarUrl('mxc://hs/kept')).toMatch(/^blob:/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('does not ask again at once for a picture that failed, and asks nothing for a bad URI', async () => {
    const fetchMock = vi.fn(async () => new Response('{"errcode":"M_NOT_FOUND"}', { status: 404, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    requestAvatar('mxc://hs/missing');
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 20));
    requestAvatar('mxc://hs/missing');
    requestAvatar('https://evil.example/x.png');
    await new Promise((r) => setTimeout(r, 20));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(avatarUrl('mxc://hs/missing')).toBeUndefined();
  });
});
