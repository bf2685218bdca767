import { fetchMedia } from './authenticatedMedia';

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
  try {
    const res = await fetchMedia('/_matrix/client/v1/media/config', AbortSignal.timeout(WAIT_MS));
    const bytes = ((await res.json()) as { 'm.upload.size'?: unknown })['m.upload.size'];
    if (typeof bytes !== 'number' || bytes <= 0) return undefined;
    known = { bytes, at: now };
    return bytes;
  } catch {
    return known?.bytes; // offline, signed out, no answer in time: the last known limit, if any
  }
}
