import { ActionError } from '../matrix/errors';
import { fetchContent, fetchEncrypted, type EncryptedFile } from '../media/authenticatedMedia';
import { BrokenMedia } from '../media/imageStore';
import { parseMxc } from '../media/mxc';

/**
 * A media message's file, as sent: fetched with the token in a header, and in an encrypted room
 * checked against the event's hash and decrypted on the device. Bytes that do not match are
 * refused, never handed out.
 */
export async function downloadAttachment(content: Record<string, unknown>): Promise<Blob> {
  const info = (typeof content.info === 'object' && content.info) || {};
  const mimetype = typeof (info as { mimetype?: unknown }).mimetype === 'string' ? (info as { mimetype: string }).mimetype : 'application/octet-stream';
  try {
    const file = content.file as EncryptedFile | undefined;
    if (file && typeof file === 'object') return await fetchEncrypted(file, mimetype);
    if (typeof content.url === 'string' && parseMxc(content.url)) return await fetchContent(content.url, mimetype);
  } catch (error) {
    if (error instanceof BrokenMedia) throw new ActionError('brokenMedia');
    throw new ActionError('offline');
  }
  throw new ActionError('brokenMedia');
}
