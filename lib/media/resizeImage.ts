import { fitWithin } from './fitWithin';
import type { ImageInfo } from '../db/types';

/** Formats that may carry transparency: kept as PNG, everything else becomes JPEG. */
const WITH_ALPHA = new Set(['image/png', 'image/gif', 'image/webp', 'image/avif']);

/** The image is unreadable (not an image, or a format this browser cannot decode). */
export class NotAnImage extends Error {
  constructor() {
    super('notAnImage');
    this.name = 'NotAnImage';
  }
}

/**
 * A picture decoded once, to be re-encoded at several sizes. The decoder applies the EXIF
 * orientation first, so the picture stays upright; re-encoding drops the file's metadata, EXIF
 * location included. Close it when done.
 */
export async function decodeImage(file: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new NotAnImage();
  }
}

/** A decoded picture re-encoded so its longest side is at most `max` pixels. */
export async function encodeScaled(bitmap: ImageBitmap, sourceType: string, max: number): Promise<{ blob: Blob; info: ImageInfo }> {
  const { width, height } = fitWithin(bitmap.width, bitmap.height, max);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new NotAnImage();
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  const mimetype = WITH_ALPHA.has(sourceType) ? 'image/png' : 'image/jpeg';
  const blob = await canvas.convertToBlob({ type: mimetype, quality: 0.85 });
  return { blob, info: { mimetype, size: blob.size, w: width, h: height } };
}

/** Re-encodes a picture on the device, scaled so its longest side is at most `max` pixels. */
export async function resizeImage(file: Blob, max: number): Promise<{ blob: Blob; info: ImageInfo }> {
  const bitmap = await decodeImage(file);
  try {
    return await encodeScaled(bitmap, file.type, max);
  } finally {
    bitmap.close();
  }
}
