/** A content URI's parts. Both are checked, so neither can change the path they are put in. */
export interface MediaId {
  server: string;
  mediaId: string;
}

const MXC = /^mxc:\/\/([A-Za-z0-9.\-:[\]]+)\/([A-Za-z0-9_-]+)$/;

export function parseMxc(uri: unknown): MediaId | null {
  if (typeof uri !== 'string') return null;
  const match = MXC.exec(uri);
  return match ? { server: match[1], mediaId: match[2] } : null;
}

/**
 * The authenticated thumbnail of a content URI (Synapse serves media only with the access
 * token, sent in a header, never in the URL). `crop` fills a square (an avatar), `scale` keeps
 * the whole picture within the box.
 */
export function thumbnailPath(media: MediaId, width: number, height = width, method: 'crop' | 'scale' = 'crop'): string {
  const query = new URLSearchParams({ width: String(width), height: String(height), method });
  return `/_matrix/client/v1/media/thumbnail/${encodeURIComponent(media.server)}/${encodeURIComponent(media.mediaId)}?${query}`;
}

/** The authenticated download of a content URI: the bytes as uploaded. */
export function downloadPath(media: MediaId): string {
  return `/_matrix/client/v1/media/download/${encodeURIComponent(media.server)}/${encodeURIComponent(media.mediaId)}`;
}
