// Pictures of media messages for the timeline: a thumbnail from the homeserver (unencrypted),
// or the encrypted thumbnail (else the picture) fetched, checked and decrypted on the device;
// either kept in the device's thumbnail store so it shows offline.
import { fetchEncrypted, fetchThumbnail, type EncryptedFile } from './authenticatedMedia';
import { imageState, requestImage, subscribeImages, type ImageState } from './imageStore';
import { parseMxc } from './mxc';
import { isRecord } from '../isRecord';

/** The box a timeline picture is fetched for (Synapse scales within it). */
const BOX = { width: 800, height: 600 };

export interface PictureSource {
  key: string;
  load: () => Promise<Blob>;
}

/** Where a media message's picture comes from, or null when it has none that can be fetched. */
export function pictureOf(content: Record<string, unknown>): PictureSource | null {
  const info = record(content.info);
  const encrypted = encryptedFile(info?.thumbnail_file) ?? encryptedFile(content.file);
  if (encrypted) {
    const thumbnailInfo = record(info?.thumbnail_info);
    const mimetype = str(encryptedFile(info?.thumbnail_file) ? thumbnailInfo?.mimetype : info?.mimetype) ?? 'image/jpeg';
    return { key: `${encrypted.url}#decrypted`, load: () => fetchEncrypted(encrypted, mimetype) };
  }
  const url = str(content.url);
  if (!url || !parseMxc(url)) return null;
  return { key: `${url}#${BOX.width}x${BOX.height}`, load: () => fetchThumbnail(url, BOX.width, BOX.height, 'scale') };
}

/** Pictures whose thumbnail is at most this big load by themselves under data saver. */
export const SAVER_AUTOLOAD_BYTES = 50 * 1024;

/** `deviceOnly`: what the device keeps, without downloading (data saver, before a tap). */
export function requestPicture(source: PictureSource, deviceOnly = false): void {
  requestImage(source.key, source.load, { deviceOnly });
}

/** Whether a picture may load by itself under data saver: its thumbnail is known to be small. */
export function smallEnoughForSaver(content: Record<string, unknown>): boolean {
  const info = record(content.info);
  const size = record(info?.thumbnail_info)?.size ?? (info?.thumbnail_info === undefined ? info?.size : undefined);
  return typeof size === 'number' && size <= SAVER_AUTOLOAD_BYTES;
}

/** The picture's BlurHash, if it came with one. */
export function blurhashIn(content: Record<string, unknown>): string | undefined {
  const hash = record(content.info)?.['xyz.amorgan.blurhash'];
  return typeof hash === 'string' && hash.length >= 6 && hash.length <= 100 ? hash : undefined;
}

export function pictureState(key: string | undefined): ImageState {
  return imageState(key);
}

export const subscribePictures = subscribeImages;

function encryptedFile(value: unknown): EncryptedFile | null {
  const file = record(value);
  return file && typeof file.url === 'string' && record(file.key) && typeof file.iv === 'string' ? (file as unknown as EncryptedFile) : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
