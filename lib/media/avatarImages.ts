import { getSession } from '../db/queries';
import { getThumbnails, putThumbnail, thumbnailKey } from '../db/thumbnails';
import { parseMxc, thumbnailPath } from './mxc';

/**
 * Avatars for the page: read from the device's thumbnail store, or downloaded once (with the
 * access token in a header, as authenticated media requires) and stored there. Pictures are
 * handed out as object URLs from one in-memory map, so a list of 200 rooms costs one batched
 * read, not 200 live queries.
 */

/** Pixels of the square asked for: sharp at 48 CSS pixels on a 2× screen, one of Synapse's preset sizes. */
export const AVATAR_SIZE = 96;
/** Downloads at once: a long room list must not queue the user's own requests behind it. */
const PARALLEL = 3;
/** A picture that could not be had is asked again after this long (or when the network is back). */
const RETRY_AFTER_MS = 60_000;

const urls = new Map<string, string>();
const failedAt = new Map<string, number>();
const wanted = new Set<string>();
const downloading = new Set<string>();
const listeners = new Set<() => void>();
let lookup: Promise<void> | null = null;
let queue: string[] = [];

export function avatarUrl(mxc: string | undefined): string | undefined {
  return mxc ? urls.get(mxc) : undefined;
}

export function subscribeAvatars(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Asks for an avatar; subscribers hear when it is there. */
export function requestAvatar(mxc: string): void {
  if (urls.has(mxc) || wanted.has(mxc) || downloading.has(mxc) || !parseMxc(mxc)) return;
  const failed = failedAt.get(mxc);
  if (failed !== undefined && Date.now() - failed < RETRY_AFTER_MS) return;
  wanted.add(mxc);
  // Every avatar asked for in the same task is read from the device in one go.
  lookup ??= Promise.resolve().then(readStored);
}

async function readStored(): Promise<void> {
  const batch = [...wanted];
  wanted.clear();
  lookup = null;
  const rows = await getThumbnails(batch.map((mxc) => thumbnailKey(mxc, AVATAR_SIZE))).catch(() => batch.map(() => undefined));
  let found = false;
  batch.forEach((mxc, i) => {
    const row = rows[i];
    if (row) {
      urls.set(mxc, URL.createObjectURL(row.blob));
      found = true;
    } else queue.push(mxc);
  });
  if (found) notify();
  pump();
}

function pump(): void {
  while (downloading.size < PARALLEL && queue.length) {
    const mxc = queue.shift()!;
    downloading.add(mxc);
    void download(mxc).finally(() => {
      downloading.delete(mxc);
      pump();
    });
  }
}

async function download(mxc: string): Promise<void> {
  const session = await getSession().catch(() => undefined);
  const media = parseMxc(mxc);
  if (!session || !media) return;
  try {
    const res = await fetch(session.homeserverUrl + thumbnailPath(media, AVATAR_SIZE), {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || !type.startsWith('image/')) throw new Error(`thumbnail ${res.status}`);
    const blob = await res.blob();
    await putThumbnail(thumbnailKey(mxc, AVATAR_SIZE), blob).catch(() => undefined); // shown even if storage is full
    urls.set(mxc, URL.createObjectURL(blob));
    failedAt.delete(mxc);
    notify();
  } catch {
    failedAt.set(mxc, Date.now());
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') window.addEventListener('online', () => failedAt.clear());

/** Signed out: nothing of the account's stays in memory. */
export function forgetAvatars(): void {
  for (const url of urls.values()) URL.revokeObjectURL(url);
  urls.clear();
  failedAt.clear();
  wanted.clear();
  queue = [];
}
