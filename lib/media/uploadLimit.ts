import { getSession } from '../db/queries';

/** How long the limit the homeserver gave is trusted before asking again. */
const KEEP_MS = 60 * 60 * 1000;
/** An answer slower than this is not waited for: the upload goes, and a 413 says it later. */
const WAIT_MS = 4_000;

let known: { bytes: number; at: number } | null = null;

/**
 * The largest upload the homeserver accepts (`m.upload.size` of /_matrix/client/v1/media/config,
 * asked with the token in a header), or undefined when it did not say (offline, no limit).
 */
export async function uploadLimit(now = Date.now()): Promise<number | undefined> {
  if (known && now - known.at < KEEP_MS) return known.bytes;
  const session = await getSession().catch(() => null);
  if (!session) return undefined;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), WAIT_MS);
  try {
    const res = await fetch(`${session.homeserverUrl}/_matrix/client/v1/media/config`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
      signal: controller.signal,
    });
    const body = (await res.json().catch(() => ({}))) as { 'm.upload.size'?: unknown };
    const bytes = body['m.upload.size'];
    if (!res.ok || typeof bytes !== 'number' || bytes <= 0) return undefined;
    known = { bytes, at: now };
    return bytes;
  } catch {
    return known?.bytes;
  } finally {
    clearTimeout(timer);
  }
}

/** For tests: forget the limit asked before. */
export function forgetUploadLimit(): void {
  known = null;
}
