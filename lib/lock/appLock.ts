import Dexie from 'dexie';
import { db, DB_NAME, isSealed } from '../db/database';
import type { AppLockRow } from '../db/types';
import { newDataKey, rowCipher, unwrapDataKey } from './keys';
import { enrolPasskey, unwrapWithPasskey } from './passkey';
import { SEALED_TABLES, lockConfigured, setLockConfigured, setRowCipher, unlocked } from './sealing';

/** The shortest PIN or passphrase the lock accepts. */
export const MIN_SECRET_LENGTH = 6;
export const DEFAULT_MAX_ATTEMPTS = 10;
export const DEFAULT_IDLE_MINUTES = 5;

const CHANNEL = 'luxchat-app-lock';

export interface LockSettings {
  idleMinutes: number;
  maxAttempts: number;
}

export type UnlockResult = { ok: true } | { ok: false; attemptsLeft: number } | { ok: false; wiped: true };

export async function appLockRow(): Promise<AppLockRow | undefined> {
  // Opening the database creates it: a device that has none has no lock either. (Dexie's own
  // promise, so that a live query keeps watching the row.)
  if (isSealed()) return undefined;
  if (!db().isOpen() && !(await Dexie.exists(DB_NAME))) return undefined;
  const row = await db().kv.get('appLock');
  return row?.key === 'appLock' ? row : undefined;
}

async function changeLockRow(changes: Partial<Omit<AppLockRow, 'key'>>): Promise<void> {
  const d = db();
  await d.transaction('rw', d.kv, async () => {
    const row = await appLockRow();
    if (row) await d.kv.put({ ...row, ...changes });
  });
}

// Locked on purpose (idle, or "Lock now") in a tab that holds the key: the chats are hidden
// behind the lock screen, while sync and sending go on, sealed. The key goes with the tab.
let held = false;
// The data key while this tab has it (to wrap it for a passkey as well); gone with the tab.
let dataKey: Uint8Array | null = null;
const listeners = new Set<() => void>();
function changed(): void {
  for (const listener of listeners) listener();
}

/** Whether this device has the lock on and this tab shows the lock screen. */
export function isLocked(): boolean {
  return lockConfigured() && (!unlocked() || held);
}

/** For React's useSyncExternalStore: called when this tab locks or unlocks. */
export function subscribeLock(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Turns the lock on: a new data key, wrapped under `secret`, and every row of the sealed tables
 * written again, sealed. Other tabs reload (they have no key; they show the lock screen).
 */
export async function enableAppLock(secret: string, settings: LockSettings = { idleMinutes: DEFAULT_IDLE_MINUTES, maxAttempts: DEFAULT_MAX_ATTEMPTS }): Promise<void> {
  if (secret.length < MIN_SECRET_LENGTH) throw new RangeError('secret too short');
  const { raw, stored } = await newDataKey(secret);
  setRowCipher(await rowCipher(raw));
  dataKey = raw;
  await db().kv.put({ key: 'appLock', ...stored, failed: 0, ...settings });
  setLockConfigured(true);
  await rewriteSealedTables();
  await changeLockRow({ sealedAll: true });
  changed();
  tellOtherTabs();
}

/** Turns the lock off (this tab being unlocked): every sealed row is written again in the clear. */
export async function disableAppLock(): Promise<void> {
  if (!unlocked()) throw new Error('locked');
  setLockConfigured(false);
  await rewriteSealedTables();
  await db().kv.delete('appLock');
  setRowCipher(null);
  dataKey = null;
  held = false;
  changed();
  tellOtherTabs();
}

/**
 * Tries a PIN: the right one unlocks this tab; a wrong one counts (before it is checked, so
 * that closing the tab mid-check still counts), and the last allowed one wipes the device.
 */
export async function unlockAppLock(secret: string, wipe: () => Promise<void>): Promise<UnlockResult> {
  const row = await appLockRow();
  if (!row) return { ok: true };
  const failed = row.failed + 1;
  await changeLockRow({ failed });
  const raw = await unwrapDataKey(secret, row);
  if (raw) {
    await unlockWith(raw);
    return { ok: true };
  }
  if (failed >= row.maxAttempts) {
    await wipe();
    return { ok: false, wiped: true };
  }
  return { ok: false, attemptsLeft: row.maxAttempts - failed };
}

/** Locks this tab now: the lock screen shows until the PIN is typed again. */
export function lockNow(): void {
  if (!lockConfigured()) return;
  held = true;
  changed();
}

/** Forgets the key in this tab (as closing it would): nothing can be read or written until unlocked. */
export function forgetKey(): void {
  setRowCipher(null);
  dataKey = null;
  held = false;
  changed();
}

/** Adds unlocking with this device's authenticator; false where it offers no PRF. */
export async function addPasskey(user: { id: string; name: string }): Promise<boolean> {
  if (!dataKey) throw new Error('locked');
  const passkey = await enrolPasskey(dataKey, user);
  if (!passkey) return false;
  await changeLockRow({ passkey });
  return true;
}

export async function removePasskey(): Promise<void> {
  const d = db();
  await d.transaction('rw', d.kv, async () => {
    const row = await appLockRow();
    if (row) {
      const { passkey: _removed, ...rest } = row;
      await d.kv.put(rest);
    }
  });
}

/** Unlocks through the device's authenticator; false if it refused (no wrong try is counted). */
export async function unlockWithPasskey(): Promise<boolean> {
  const passkey = (await appLockRow())?.passkey;
  const raw = passkey ? await unwrapWithPasskey(passkey) : null;
  if (!raw) return false;
  await unlockWith(raw);
  return true;
}

/** The data key, however it was unwrapped: this tab reads and writes, and the wrong tries start again. */
async function unlockWith(raw: Uint8Array): Promise<void> {
  if (!unlocked()) setRowCipher(await rowCipher(raw));
  dataKey = raw;
  setLockConfigured(true);
  await changeLockRow({ failed: 0 });
  held = false;
  changed();
  // Turning the lock on was cut short (the tab closed meanwhile): the rows still in the clear are sealed now.
  if (!(await appLockRow())?.sealedAll) {
    await rewriteSealedTables();
    await changeLockRow({ sealedAll: true });
  }
}

export async function updateLockSettings(settings: Partial<LockSettings>): Promise<void> {
  await changeLockRow(settings);
}

const THIS_TAB = Math.random().toString(36).slice(2);

/**
 * Runs `onChange` when another tab turns the lock on or off. From that moment this tab writes
 * as the lock now says (turned on: nothing, having no key; never in the clear).
 */
export function watchAppLockChanges(onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = ({ data }: MessageEvent<{ from?: string; on?: boolean }>) => {
    if (data?.from === THIS_TAB) return;
    setLockConfigured(data?.on === true);
    if (data?.on) setRowCipher(null);
    onChange();
  };
  return () => channel.close();
}

function tellOtherTabs(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ from: THIS_TAB, on: lockConfigured() });
  channel.close();
}

const BATCH = 500;

/** Reads and writes back every row of the sealed tables: the middleware seals (or opens) them. */
async function rewriteSealedTables(): Promise<void> {
  const d = db();
  for (const name of SEALED_TABLES) {
    const table = d.table(name);
    const keys = await table.toCollection().primaryKeys();
    for (let i = 0; i < keys.length; i += BATCH) {
      await d.transaction('rw', table, async () => {
        const rows = await table.bulkGet(keys.slice(i, i + BATCH));
        await table.bulkPut(rows.filter((row) => row !== undefined));
      });
    }
  }
}
