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
 * token, sent in a header, never in the URL). `crop` fills the square an avatar shows.
 */
export function thumbnailPath(media: MediaId, size: number): string {
  const query = new URLSearchParams({ width: String(size), height: String(size), method: 'crop' });
  return `/_matrix/client/v1/media/thumbnail/${encodeURIComponent(media.server)}/${encodeURIComponent(media.mediaId)}?${query}`;
}
