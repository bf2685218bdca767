import { db } from './database';

/**
 * The savedFiles table's one writer: files and full-size pictures the user downloaded, kept so
 * they open again offline. Bounded by total size; the oldest saved go first.
 */

/** What saved files may take on the device in all. */
export const MAX_SAVED_BYTES = 200 * 1024 * 1024;

export async function getSavedFile(key: string): Promise<Blob | undefined> {
  return (await db().savedFiles.get(key))?.blob;
}

export async function saveFile(key: string, blob: Blob, now = Date.now()): Promise<void> {
  if (blob.size > MAX_SAVED_BYTES) return;
  const d = db();
  await d.transaction('rw', d.savedFiles, async () => {
    await d.savedFiles.put({ key, blob, savedAt: now });
    const rows = await d.savedFiles.orderBy('savedAt').reverse().toArray();
    let total = 0;
    const excess: string[] = [];
    for (const row of rows) {
      total += row.blob.size;
      if (total > MAX_SAVED_BYTES) excess.push(row.key);
    }
    if (excess.length) await d.savedFiles.bulkDelete(excess);
  });
}
