/** Components of the hash across and down: enough for a blurred placeholder, 20-odd characters. */
const X = 4;
const Y = 3;
/** The picture is read at this width for the hash: the hash keeps only the coarsest shapes. */
const SAMPLE = 32;

/**
 * The BlurHash of a picture (`xyz.amorgan.blurhash` in its `info`, as Element and others send
 * it): what a receiver shows while the picture loads, or instead of it under data saver.
 */
export async function blurhashOf(bitmap: ImageBitmap): Promise<string | undefined> {
  try {
    const width = SAMPLE;
    const height = Math.max(1, Math.round((SAMPLE * bitmap.height) / bitmap.width));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.drawImage(bitmap, 0, 0, width, height);
    const { encode } = await import('blurhash');
    return encode(context.getImageData(0, 0, width, height).data, width, height, X, Y);
  } catch {
    return undefined; // a placeholder is a nicety: the picture goes without one
  }
}
