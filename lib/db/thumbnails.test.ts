import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeDb, db, DB_NAME } from './database';
import { getThumbnails, MAX_THUMBNAILS, putThumbnail, thumbnailKey } from './thumbnails';

beforeEach(async () => {
  closeDb();
  await Dexie.delete(DB_NAME);
});

describe('thumbnails', () => {
  it('keeps a picture by content URI and size', async () => {
    await putThumbnail(thumbnailKey('mxc://hs/a', 96), new Blob(['png']));
    const [hit, miss] = await getThumbnails([thumbnailKey('mxc://hs/a', 96), thumbnailKey('mxc://hs/a', 32)]);
    expect(hit?.blob.size).toBe(3);
    expect(miss).toBeUndefined();
  });

  it('drops the oldest pictures beyond the cap', async () => {
    await db().thumbnails.bulkPut(Array.from({ length: MAX_THUMBNAILS }, (_, i) => ({ mxc: `k${i}`, blob: new Blob(['x']), storedAt: i })));
    await putThumbnail('newest', new Blob(['y']), MAX_THUMBNAILS + 1);
    expect(await db().thumbnails.count()).toBe(MAX_THUMBNAILS);
    expect(await db().thumbnails.get('k0')).toBeUndefined();
    expect(await db().thumbnails.get('k1')).toBeDefined();
    expect(await db().thumbnails.get('newest')).toBeDefined();
  });
});
