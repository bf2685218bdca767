import { putShared } from '../db/shared';

/** Where the web app manifest's `share_target` posts (multipart, files under `files`). */
export const SHARE_PATH = '/share-target';

/**
 * Another app shared files or text into Luxchat: they are kept on the device and the app opens
 * its "Send to…" room picker (`#/share`). A POST cannot be answered from the precache, so the
 * worker answers it itself, then redirects (303) to a page that can be.
 */
export async function receiveShare(request: Request): Promise<Response> {
  try {
    const form = await request.formData();
    const files = form
      .getAll('files')
      .filter((f): f is File => typeof f !== 'string' && f.size > 0)
      .map((f) => ({ blob: f as Blob, name: f.name || 'file', type: f.type || 'application/octet-stream' }));
    const text = ['title', 'text', 'url']
      .map((k) => form.get(k))
      .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
      .join('\n');
    await putShared({ at: Date.now(), files, ...(text ? { text } : {}) });
  } catch {
    // A malformed share opens the app all the same; the picker says there is nothing to send.
  }
  return Response.redirect(new URL('/#/share', request.url).href, 303);
}
