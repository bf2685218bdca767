import { db } from './database';
import type { ThumbnailRow } from './types';

/**
 * The thumbnails table's one writer: small pictures (avatars) kept on the device so they show
 * offline and are downloaded once. Keyed by content URI and size.
 */

/** Pictures kept at most; the oldest stored go first (an avatar is a few kilobytes). */
export const MAX_THUMBNAILS = 600;

export function thumbnailKey(mxc: string, size: number): string {
  return `${mxc}#${size}`;
}

export async function getThumbnails(keys: string[]): Promise<(ThumbnailRow | undefined)[]> {
  return db().thumbnails.bulkGet(keys);
}

/** Stores a picture, then drops the oldest beyond the cap. */
export async function putThumbnail(key: string, blob: Blob, now = Date.now()): Promise<void> {
  const d = db();
  await d.transaction('rw', d.thumbnails, async () => {
    await d.thumbnails.put({ mxc: key, blob, storedAt: now });
    const excess = (await d.thumbnails.count()) - MAX_THUMBNAILS;
    if (excess > 0) await d.thumbnails.orderBy('storedAt').limit(excess).delete();
  });
}
