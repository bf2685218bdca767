import type { ImageInfo, OutboxUpload } from '../db/types';
import { blurhashOf } from './blurhash';
import { decodeImage, encodeScaled, NotAnImage } from './resizeImage';

/** Where a picture's BlurHash goes in its `info` (the unstable name clients use). */
export const BLURHASH = 'xyz.amorgan.blurhash';

/** Longest side of a sent picture unless the user asks for the original. */
export const IMAGE_SIZE = 2048;
/** Longest side of a picture's thumbnail, as timelines show it. */
export const THUMBNAIL_SIZE = 800;

/** Pictures the app re-encodes (an animated GIF would lose its animation: sent as it is). */
const RESIZABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/bmp']);

export type Msgtype = 'm.image' | 'm.video' | 'm.audio' | 'm.file';

export function msgtypeOf(mimetype: string): Msgtype {
  if (mimetype.startsWith('image/')) return 'm.image';
  if (mimetype.startsWith('video/')) return 'm.video';
  if (mimetype.startsWith('audio/')) return 'm.audio';
  return 'm.file';
}

/** An attachment ready to queue: its event content without URIs, and the bytes to upload first. */
export interface PreparedAttachment {
  content: Record<string, unknown>;
  uploads: OutboxUpload[];
}

export interface AttachmentOptions {
  /** The room is encrypted: the bytes are encrypted here, the homeserver never has them in the clear. */
  encrypt: boolean;
  /** Send the picture as it is, not scaled down and re-encoded. */
  original?: boolean;
  caption?: string;
  /** Fields added to the message (a voice message's duration and waveform). */
  extra?: { body?: string; info?: Record<string, unknown>; content?: Record<string, unknown> };
}

/**
 * Turns a chosen file into an m.image / m.video / m.audio / m.file message. Pictures are scaled
 * down to 2048 px and re-encoded on the device (dropping EXIF, location included) unless the
 * original is asked for, and get an 800 px thumbnail. In an encrypted room every upload is
 * encrypted first (AES-CTR, key and hash in the event as `file` / `thumbnail_file`); the URIs
 * are filled in when the uploads are done (lib/outbox/mediaContent.ts).
 */
export async function prepareAttachment(file: File, options: AttachmentOptions): Promise<PreparedAttachment> {
  const mimetype = file.type || 'application/octet-stream';
  const msgtype = msgtypeOf(mimetype);
  let main: Blob = file;
  const info: Record<string, unknown> = { mimetype, size: file.size };
  let thumbnail: { blob: Blob; info: ImageInfo } | null = null;
  if (msgtype === 'm.image' && RESIZABLE.has(mimetype)) {
    try {
      // Decoded once (a 12-megapixel photo takes a while), encoded at both sizes.
      const bitmap = await decodeImage(file);
      try {
        const small = await encodeScaled(bitmap, mimetype, THUMBNAIL_SIZE);
        if (options.original) Object.assign(info, { w: bitmap.width, h: bitmap.height });
        else {
          const scaled = await encodeScaled(bitmap, mimetype, IMAGE_SIZE);
          main = scaled.blob;
          Object.assign(info, scaled.info);
        }
        // A picture no larger than its thumbnail needs none.
        if (small.info.w < (info.w as number) || small.info.h < (info.h as number)) thumbnail = small;
        const hash = await blurhashOf(bitmap);
        if (hash) info[BLURHASH] = hash;
      } finally {
        bitmap.close();
      }
    } catch (error) {
      // A picture this browser cannot decode goes as a plain file.
      if (!(error instanceof NotAnImage)) throw error;
      return prepareAttachment(new File([file], file.name, { type: 'application/octet-stream' }), options);
    }
  }
  const caption = options.caption?.trim();
  Object.assign(info, options.extra?.info);
  const content: Record<string, unknown> = { msgtype, body: options.extra?.body ?? (caption || file.name), info, ...options.extra?.content };
  if (caption || options.extra?.body) content.filename = file.name;
  const uploads: OutboxUpload[] = [];
  const add = async (blob: Blob, type: string): Promise<Record<string, unknown> | null> => {
    if (!options.encrypt) {
      uploads.push({ blob, contentType: type, name: file.name });
      return null;
    }
    const { encryptAttachment } = await import('matrix-encrypt-attachment');
    const { data, info: keys } = await encryptAttachment(await blob.arrayBuffer());
    uploads.push({ blob: new Blob([data], { type: 'application/octet-stream' }), contentType: 'application/octet-stream' });
    return { ...keys };
  };
  const mainFile = await add(main, mimetype);
  if (mainFile) content.file = mainFile;
  if (thumbnail) {
    info.thumbnail_info = { ...thumbnail.info };
    const thumbFile = await add(thumbnail.blob, thumbnail.info.mimetype);
    if (thumbFile) info.thumbnail_file = thumbFile;
  }
  return { content, uploads };
}
