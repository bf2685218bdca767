import { getThumbnails, putThumbnail } from '../db/thumbnails';

/**
 * Pictures for the page (avatars, image thumbnails): read from the device's thumbnail store, or
 * fetched once by the caller's `load` and stored there. Handed out as object URLs from one
 * in-memory map, so a screen full of pictures is one batched read, not one live query each.
 */

/** Downloads at once: a long list must not queue the user's own requests behind it. */
const PARALLEL = 3;
/** A picture that could not be had is asked again after this long (or when the network is back). */
const RETRY_AFTER_MS = 60_000;

/** `broken`: the bytes arrived but are not what the event promised (a wrong hash): never shown. */
export type ImageState = { url: string } | 'broken' | undefined;

export class BrokenMedia extends Error {
  constructor() {
    super('broken media');
    this.name = 'BrokenMedia';
  }
}

type Load = () => Promise<Blob>;

/** Asked for from the device only, and the device does not have it: no failure, it may be asked for again. */
class NotStored extends Error {}

const states = new Map<string, Exclude<ImageState, undefined>>();
const failedAt = new Map<string, number>();
const wanted = new Map<string, Load>();
const downloading = new Set<string>();
const listeners = new Set<() => void>();
let lookup: Promise<void> | null = null;
let queue: [string, Load][] = [];

export function imageState(key: string | undefined): ImageState {
  return key ? states.get(key) : undefined;
}

export function subscribeImages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Asks for a picture by its store key; `load` fetches it when the device does not have it.
 * `deviceOnly`: only what the device has (data saver: nothing is downloaded unasked).
 */
export function requestImage(key: string, load: Load, { deviceOnly = false }: { deviceOnly?: boolean } = {}): void {
  if (states.has(key) || wanted.has(key) || downloading.has(key)) return;
  if (deviceOnly) load = () => Promise.reject(new NotStored());
  const failed = failedAt.get(key);
  if (failed !== undefined && Date.now() - failed < RETRY_AFTER_MS) return;
  wanted.set(key, load);
  // Every picture asked for in the same task is read from the device in one go.
  lookup ??= Promise.resolve().then(readStored);
}

async function readStored(): Promise<void> {
  const batch = [...wanted];
  wanted.clear();
  lookup = null;
  const rows = await getThumbnails(batch.map(([key]) => key)).catch(() => batch.map(() => undefined));
  let found = false;
  batch.forEach(([key, load], i) => {
    const row = rows[i];
    if (row) {
      states.set(key, { url: URL.createObjectURL(row.blob) });
      found = true;
    } else queue.push([key, load]);
  });
  if (found) notify();
  pump();
}

function pump(): void {
  while (downloading.size < PARALLEL && queue.length) {
    const [key, load] = queue.shift()!;
    downloading.add(key);
    void download(key, load).finally(() => {
      downloading.delete(key);
      pump();
    });
  }
}

async function download(key: string, load: Load): Promise<void> {
  try {
    const blob = await load();
    await putThumbnail(key, blob).catch(() => undefined); // shown even if storage is full
    states.set(key, { url: URL.createObjectURL(blob) });
    failedAt.delete(key);
    notify();
  } catch (error) {
    if (error instanceof BrokenMedia) {
      states.set(key, 'broken');
      notify();
    } else if (!(error instanceof NotStored)) failedAt.set(key, Date.now());
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') window.addEventListener('online', () => failedAt.clear());

/** Empties the in-memory store (tests start clean with it; a signed-out page reloads anyway). */
export function forgetImages(): void {
  for (const state of states.values()) if (state !== 'broken') URL.revokeObjectURL(state.url);
  states.clear();
  failedAt.clear();
  wanted.clear();
  queue = [];
}
