import { getSavedFile, saveFile } from '../db/savedFiles';
import { isRecord } from '../isRecord';
import { ActionError } from '../matrix/errors';
import { fetchContent, fetchEncrypted, type DownloadControl, type EncryptedFile } from '../media/authenticatedMedia';
import { BrokenMedia } from '../media/imageStore';
import { parseMxc } from '../media/mxc';

/**
 * A media message's file, as sent: from the device when the user opened it before (so it opens
 * offline), else fetched with the token in a header, and in an encrypted room checked against
 * the event's hash and decrypted on the device, then kept. Bytes that do not match are
 * refused, never handed out. `control` reports progress and cancels.
 */
export async function downloadAttachment(content: Record<string, unknown>, control: DownloadControl = {}): Promise<Blob> {
  const mimetype = isRecord(content.info) && typeof content.info.mimetype === 'string' ? content.info.mimetype : 'application/octet-stream';
  const file = isRecord(content.file) ? (content.file as unknown as EncryptedFile) : undefined;
  const url = file ? file.url : typeof content.url === 'string' ? content.url : undefined;
  if (!url || !parseMxc(url)) throw new ActionError('brokenMedia');
  const kept = await getSavedFile(url).catch(() => undefined);
  if (kept) return kept.type === mimetype ? kept : new Blob([kept], { type: mimetype });
  let blob: Blob;
  try {
    blob = file ? await fetchEncrypted(file, mimetype, control) : await fetchContent(url, mimetype, control);
  } catch (error) {
    if (error instanceof BrokenMedia) throw new ActionError('brokenMedia');
    if (control.signal?.aborted) throw new ActionError('cancelled');
    throw new ActionError('offline');
  }
  await saveFile(url, blob).catch(() => undefined); // storage full: handed out all the same
  return blob;
}
