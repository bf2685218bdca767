import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A picture of the given size drawn in the page (the test machine has no image tools): two
 * coloured rectangles, as PNG or JPEG.
 */
export async function drawing(page: Page, width: number, height: number, type: 'image/png' | 'image/jpeg' = 'image/png'): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([w, h, t]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#15803d';
      g.fillRect(0, 0, w, h);
      g.fillStyle = '#facc15';
      g.fillRect(w / 4, h / 4, w / 2, h / 2);
      return canvas.toDataURL(t, 0.9);
    },
    [width, height, type] as const,
  );
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/** The element shows a picture the browser decoded (not initials, a placeholder or a broken image). */
export async function expectPicture(holder: Locator) {
  await expect(holder).toHaveAttribute('data-loaded', '', { timeout: 30_000 });
  await expect.poll(() => holder.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

/** Every file under a directory (Synapse's media store nests them). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
