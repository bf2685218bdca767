import { getSession } from '../db/queries';
import { BrokenMedia } from './imageStore';
import { downloadPath, parseMxc, thumbnailPath, type MediaId } from './mxc';

/**
 * Media from the homeserver, through the authenticated API (`/_matrix/client/v1/media/…`)
 * with the access token in a header: Synapse serves media only so, and a token never goes
 * into a URL an <img> or a log could keep.
 */
async function fetchMedia(path: string): Promise<Response> {
  const session = await getSession().catch(() => null);
  if (!session) throw new Error('signed out');
  const res = await fetch(session.homeserverUrl + path, { headers: { authorization: `Bearer ${session.accessToken}` } });
  if (!res.ok) throw new Error(`media ${res.status}`);
  return res;
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
export async function fetchContent(mxc: string, mimetype: string): Promise<Blob> {
  const res = await fetchMedia(downloadPath(media(mxc)));
  return new Blob([await res.arrayBuffer()], { type: mimetype });
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
export async function fetchEncrypted(file: EncryptedFile, mimetype: string): Promise<Blob> {
  const id = media(file.url);
  if (!file.hashes?.sha256 || file.key?.alg !== 'A256CTR') throw new BrokenMedia();
  const res = await fetchMedia(downloadPath(id));
  const ciphertext = await res.arrayBuffer();
  const { decryptAttachment } = await import('matrix-encrypt-attachment');
  try {
    return new Blob([await decryptAttachment(ciphertext, file)], { type: mimetype });
  } catch {
    throw new BrokenMedia();
  }
}
