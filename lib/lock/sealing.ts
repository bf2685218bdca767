import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';

/**
 * Encryption at rest of the app lock (lib/lock/appLock.ts): the rows of the tables below keep
 * only their keys and indexed fields in the clear; everything else is one AES-GCM sealed field.
 *
 * Sealing happens inside Dexie (a DBCore middleware), so every reader and writer, in the page
 * and in the service worker, goes through it. IndexedDB ends a transaction as soon as it waits
 * on anything that is not IndexedDB, and WebCrypto only answers asynchronously: inside a
 * transaction the rows are therefore sealed with a synchronous AES-GCM (@noble/ciphers). The
 * key itself is derived and unwrapped with WebCrypto (lib/lock/keys.ts) and lives in memory only.
 */
// Not `shared`: the service worker, which never has the key, writes what other apps share into it.
export const SEALED_TABLES = new Set(['session', 'rooms', 'events', 'outbox', 'members', 'edits', 'reactions']);

/** A synchronous AES-GCM under the device's data key. */
export interface RowCipher {
  seal(plain: Uint8Array): Uint8Array;
  open(sealed: Uint8Array): Uint8Array;
}

/** A sealed row was read, or one was to be written, while the app is locked. */
export class LockedError extends Error {
  constructor() {
    super('app locked');
    this.name = 'LockedError';
  }
}

let configured = false;
let cipher: RowCipher | null = null;

/** Whether this device's rows are sealed (the lock is on), as last read from the database. */
export function lockConfigured(): boolean {
  return configured;
}

export function setLockConfigured(on: boolean): void {
  configured = on;
}

/** The unlocked key's cipher, or null: the app is locked (or has no lock). */
export function setRowCipher(next: RowCipher | null): void {
  cipher = next;
}

export function unlocked(): boolean {
  return cipher !== null;
}

/** What a sealed file's bytes are stored as (the real type is kept in its row). */
export const SEALED_FILE_TYPE = 'application/x-luxchat-sealed';

/**
 * A file to be stored: sealed with the lock on (read before any transaction opens: a Blob's
 * bytes only come asynchronously), as it is otherwise.
 */
export async function sealFile(file: Blob): Promise<Blob> {
  if (!configured) return file;
  if (!cipher) throw new LockedError();
  const sealed = cipher.seal(new Uint8Array(await file.arrayBuffer()));
  return new Blob([sealed as BlobPart], { type: SEALED_FILE_TYPE });
}

/** A stored file's bytes as they were, of type `type`; throws LockedError while locked. */
export async function openFile(stored: Blob, type: string): Promise<Blob> {
  if (stored.type !== SEALED_FILE_TYPE) return stored;
  if (!cipher) throw new LockedError();
  const plain = cipher.open(new Uint8Array(await stored.arrayBuffer()));
  return new Blob([plain as BlobPart], { type });
}

const SEALED_FIELD = '$sealed';

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

// JSON with binary values kept (Uint8Array, ArrayBuffer), for what a sealed row holds. Files
// (Blobs, sealed on their own before they are stored: sealFile) cannot go into JSON: each is
// kept beside the sealed field, its place marked.
const FILES_FIELD = '$files';

function replacerFor(files: Blob[]) {
  return (_key: string, value: unknown): unknown => {
    if (value instanceof Uint8Array) return { $u8: base64(value) };
    if (value instanceof ArrayBuffer) return { $ab: base64(new Uint8Array(value)) };
    if (typeof Blob !== 'undefined' && value instanceof Blob) return { $file: files.push(value) - 1 };
    return value;
  };
}

function reviverFor(files: readonly unknown[]) {
  return (_key: string, value: unknown): unknown => {
    if (value && typeof value === 'object' && Object.keys(value).length === 1) {
      const v = value as { $u8?: unknown; $ab?: unknown; $file?: unknown };
      const bytes = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      if (typeof v.$u8 === 'string') return bytes(v.$u8);
      if (typeof v.$ab === 'string') return bytes(v.$ab).buffer;
      if (typeof v.$file === 'number') return files[v.$file];
    }
    return value;
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A row as stored: `clear` fields as they are, the rest sealed (files beside it). */
export function sealRow(row: unknown, clear: ReadonlySet<string>, rowCipher: RowCipher): unknown {
  if (!row || typeof row !== 'object') return row;
  const kept: Record<string, unknown> = {};
  const hidden: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    if (clear.has(name)) kept[name] = value;
    else hidden[name] = value;
  }
  const files: Blob[] = [];
  kept[SEALED_FIELD] = rowCipher.seal(encoder.encode(JSON.stringify(hidden, replacerFor(files))));
  if (files.length) kept[FILES_FIELD] = files;
  return kept;
}

/** A stored row as the app knows it; throws LockedError for a sealed row while locked. */
export function openRow(row: unknown, rowCipher: RowCipher | null): unknown {
  if (!row || typeof row !== 'object' || !(SEALED_FIELD in row)) return row;
  if (!rowCipher) throw new LockedError();
  const { [SEALED_FIELD]: sealed, [FILES_FIELD]: files, ...kept } = row as Record<string, unknown>;
  const hidden = JSON.parse(decoder.decode(rowCipher.open(sealed as Uint8Array)), reviverFor(Array.isArray(files) ? files : [])) as Record<string, unknown>;
  return { ...hidden, ...kept };
}

/** The top-level fields a table's keys and indexes read: they stay in the clear. */
function clearFields(table: DBCoreTable): Set<string> {
  const paths = [table.schema.primaryKey, ...table.schema.indexes].flatMap((index) => {
    const keyPath = index.keyPath;
    return keyPath === null || keyPath === undefined ? [] : Array.isArray(keyPath) ? keyPath : [keyPath];
  });
  return new Set(paths.map((path) => path.split('.')[0]));
}

/**
 * The cursor with its values opened. Dexie's cursors are IndexedDB's own, whose `key` and
 * `primaryKey` are getters that throw unless called on the real cursor: each is read from it.
 */
function openingCursor(cursor: DBCoreCursor): DBCoreCursor {
  return Object.create(cursor, {
    value: { get: () => openRow(cursor.value, cipher) },
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    done: { get: () => cursor.done },
    // The cursor's methods call back into the original, which Object.create would not bind.
    continue: { value: (key?: unknown) => cursor.continue(key) },
    continuePrimaryKey: { value: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey) },
    advance: { value: (count: number) => cursor.advance(count) },
    start: { value: (onNext: () => void) => cursor.start(onNext) },
    stop: { value: (value?: unknown) => cursor.stop(value) },
    next: { value: () => cursor.next() },
    fail: { value: (error: Error) => cursor.fail(error) },
  }) as DBCoreCursor;
}

export const sealingMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'luxchat-sealing',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (!SEALED_TABLES.has(name)) return table;
        const clear = clearFields(table);
        const sealAll = (values: readonly unknown[]) => {
          if (!configured) return values;
          if (!cipher) throw new LockedError();
          const c = cipher;
          return values.map((v) => sealRow(v, clear, c));
        };
        return {
          ...table,
          mutate(req) {
            if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
            try {
              return table.mutate({ ...req, values: sealAll(req.values) });
            } catch (error) {
              return Promise.reject(error);
            }
          },
          get: (req) => table.get(req).then((value) => openRow(value, cipher)),
          getMany: (req) => table.getMany(req).then((values) => values.map((value) => openRow(value, cipher))),
          query: (req) =>
            table.query(req).then((res) => (req.values ? { ...res, result: res.result.map((value) => openRow(value, cipher)) } : res)),
          openCursor: (req) => table.openCursor(req).then((cursor) => (cursor && req.values !== false ? openingCursor(cursor) : cursor)),
        };
      },
    };
  },
};
