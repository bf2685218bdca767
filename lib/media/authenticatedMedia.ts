import { getSession } from '../db/queries';
import { BrokenMedia } from './imageStore';
import { downloadPath, parseMxc, thumbnailPath, type MediaId } from './mxc';

/**
 * Media from the homeserver, through the authenticated API (`/_matrix/client/v1/media/…`)
 * with the access token in a header: Synapse serves media only so, and a token never goes
 * into a URL an <img> or a log could keep.
 */
export async function fetchMedia(path: string, signal?: AbortSignal): Promise<Response> {
  const session = await getSession().catch(() => null);
  if (!session) throw new Error('signed out');
  const get = (accessToken: string) => fetch(session.homeserverUrl + path, { headers: { authorization: `Bearer ${accessToken}` }, signal });
  let res = await get(session.accessToken);
  // An access token that expired: the syncing tab renews it (lib/matrix/tokenRefresh.ts).
  if (res.status === 401 && session.refreshToken) {
    const renewed = await renewedToken(session.accessToken, signal);
    if (renewed) res = await get(renewed);
  }
  if (!res.ok) throw new Error(`media ${res.status}`);
  return res;
}

/** The session's next access token, once the syncing tab has stored it (within 15 s), else null. */
async function renewedToken(refused: string, signal?: AbortSignal): Promise<string | null> {
  for (let i = 0; i < 30 && !signal?.aborted; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const current = await getSession().catch(() => null);
    if (!current) return null;
    if (current.accessToken !== refused) return current.accessToken;
  }
  return null;
}

/** How a download reports and stops: `onProgress(fraction)` when the size is known, `signal` to cancel. */
export interface DownloadControl {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Tries a download again after a broken connection, from the start: at most this many times in all. */
const ATTEMPTS = 3;

/**
 * A whole file's bytes, read as they come so progress can be shown, tried again (up to three
 * times) when the connection breaks half-way; never after the user cancelled.
 */
async function downloadBytes(path: string, control: DownloadControl = {}): Promise<ArrayBuffer> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetchMedia(path, control.signal);
      const total = Number(res.headers.get('content-length')) || 0;
      if (!res.body || !total || !control.onProgress) return await res.arrayBuffer();
      const reader = res.body.getReader();
      const bytes = new Uint8Array(total);
      let loaded = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (loaded + value.length > total) throw new Error('longer than announced');
        bytes.set(value, loaded);
        loaded += value.length;
        control.onProgress(loaded / total);
      }
      if (loaded !== total) throw new Error('cut short');
      return bytes.buffer;
    } catch (error) {
      if (control.signal?.aborted || attempt >= ATTEMPTS || (error instanceof Error && /^media 4/.test(error.message))) throw error;
    }
  }
}

function media(mxc: unknown): MediaId {
  const id = parseMxc(mxc);
  if (!id) throw new BrokenMedia();
  return id;
}

/** The homeserver's thumbnail of a picture (`crop`: a square, as avatars; `scale`: the whole picture). */
export async function fetchThumbnail(mxc: string, width: number, height: number, method: 'crop' | 'scale'): Promise<Blob> {
  const res = await fetchMedia(thumbnailPath(media(mxc), width, height, method));
  if (!(res.headers.get('content-type') ?? '').startsWith('image/')) throw new Error('not an image');
  return res.blob();
}

/** A file's bytes as they were sent. */
export async function fetchContent(mxc: string, mimetype: string, control?: DownloadControl): Promise<Blob> {
  return new Blob([await downloadBytes(downloadPath(media(mxc)), control)], { type: mimetype });
}

/** What an encrypted attachment's `file` says: where it is, and how to check and decrypt it. */
export interface EncryptedFile {
  url: string;
  key: { kty: string; key_ops: string[]; alg: string; k: string; ext: boolean };
  iv: string;
  hashes?: { sha256?: string };
  v?: string;
}

/**
 * An encrypted attachment, fetched, its SHA-256 checked and decrypted on the device. Bytes that
 * do not match the event's hash are refused (BrokenMedia), never shown.
 */
export async function fetchEncrypted(file: EncryptedFile, mimetype: string, control?: DownloadControl): Promise<Blob> {
  const id = media(file.url);
  if (!file.hashes?.sha256 || file.key?.alg !== 'A256CTR') throw new BrokenMedia();
  const ciphertext = await downloadBytes(downloadPath(id), control);
  const { decryptAttachment } = await import('matrix-encrypt-attachment');
  try {
    return new Blob([await decryptAttachment(ciphertext, file)], { type: mimetype });
  } catch {
    throw new BrokenMedia();
  }
}
