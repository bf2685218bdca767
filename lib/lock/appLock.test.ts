import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChanges, emptyBatch } from '../db/applyChanges';
import { closeDb, db, DB_NAME } from '../db/database';
import { getTimeline, listRooms } from '../db/queries';
import type { EventRow, RoomRow } from '../db/types';
import { disableAppLock, enableAppLock, forgetKey, isLocked, lockNow, unlockAppLock } from './appLock';
import { LockedError, openFile, SEALED_FILE_TYPE, sealFile, setLockConfigured, setRowCipher } from './sealing';

const ROOM = '!room:localhost';
const BODY = 'Geheimnis vum Kierchbierg';
const NAME = 'Dossier Ënnerstëtzung';
const TOKEN = 'syt_secret_access_token';
const PIN = '482916';

const room: RoomRow = { roomId: ROOM, name: NAME, membership: 'join', isDirect: false, encrypted: false, lastTs: 100, lastBody: BODY, lastSender: 'Anna', unread: 0, mentions: 0, tags: [] };
const event: EventRow = { eventId: '$a', roomId: ROOM, ts: 100, sender: '@anna:localhost', senderName: 'Anna', type: 'm.room.message', msgtype: 'm.text', body: BODY, content: { msgtype: 'm.text', body: BODY } };

/** Every stored value of the app's database, as the raw IndexedDB holds it (no middleware). */
async function rawContents(): Promise<string> {
  const raw = new Dexie(DB_NAME);
  await raw.open();
  const text: string[] = [];
  for (const table of raw.tables) text.push(JSON.stringify(await table.toArray()));
  raw.close();
  return text.join('\n');
}

const noWipe = async () => {
  throw new Error('wiped');
};

beforeEach(async () => {
  closeDb();
  setRowCipher(null);
  setLockConfigured(false);
  await Dexie.delete(DB_NAME);
  await db().session.put({ id: 'current', homeserverUrl: 'http://hs', userId: '@me:hs', deviceId: 'D', accessToken: TOKEN });
  await db().rooms.put(room);
  await applyChanges({ ...emptyBatch(), events: [{ kind: 'event', row: event }] });
});

afterEach(() => {
  setRowCipher(null);
  setLockConfigured(false);
});

describe('the app lock', () => {
  it('seals message bodies, room names and the access token at rest, and the app reads them as before', async () => {
    expect(await rawContents()).toContain(BODY);
    await enableAppLock(PIN);
    const raw = await rawContents();
    for (const secret of [BODY, NAME, TOKEN]) expect(raw).not.toContain(secret);
    expect((await getTimeline(ROOM)).events.map((e) => e.body)).toEqual([BODY]);
    expect((await listRooms()).map((r) => r.name)).toEqual([NAME]);
    // New rows are sealed as they are written.
    await applyChanges({ ...emptyBatch(), events: [{ kind: 'event', row: { ...event, eventId: '$b', ts: 200, body: 'Nei Noriicht', content: { body: 'Nei Noriicht' } } }] });
    expect(await rawContents()).not.toContain('Nei Noriicht');
    expect((await getTimeline(ROOM)).events.map((e) => e.body)).toEqual([BODY, 'Nei Noriicht']);
  }, 30_000);

  it('refuses reads and writes while locked, a wrong PIN, and opens with the right one after a restart', async () => {
    await enableAppLock(PIN);
    forgetKey();
    // As after a reload: the key is gone, the lock is known from the database.
    closeDb();
    setLockConfigured(false);
    await expect(listRooms()).rejects.toBeInstanceOf(LockedError);
    expect(isLocked()).toBe(true);
    await expect(db().rooms.put({ ...room, roomId: '!other:localhost' })).rejects.toBeInstanceOf(LockedError);
    expect(await unlockAppLock('000000', noWipe)).toEqual({ ok: false, attemptsLeft: 9 });
    expect(await unlockAppLock(PIN, noWipe)).toEqual({ ok: true });
    expect((await listRooms()).map((r) => r.name)).toEqual([NAME]);
    // Locked on purpose in a running tab: the chats hide, the rows are still read and written.
    lockNow();
    expect(isLocked()).toBe(true);
    expect((await listRooms()).map((r) => r.name)).toEqual([NAME]);
    // The count starts again after the right PIN.
    expect(await unlockAppLock('111111', noWipe)).toEqual({ ok: false, attemptsLeft: 9 });
    expect(await unlockAppLock(PIN, noWipe)).toEqual({ ok: true });
    expect(isLocked()).toBe(false);
  }, 30_000);

  it('wipes the device at the last allowed wrong PIN', async () => {
    await enableAppLock(PIN, { idleMinutes: 5, maxAttempts: 3 });
    forgetKey();
    let wiped = false;
    const wipe = async () => {
      wiped = true;
    };
    expect(await unlockAppLock('1', wipe)).toEqual({ ok: false, attemptsLeft: 2 });
    expect(await unlockAppLock('2', wipe)).toEqual({ ok: false, attemptsLeft: 1 });
    expect(wiped).toBe(false);
    expect(await unlockAppLock('3', wipe)).toEqual({ ok: false, wiped: true });
    expect(wiped).toBe(true);
  }, 30_000);

  it('seals files before they are stored, and opens them to their bytes and type', async () => {
    const plain = new Blob(['Rapport confidentiel'], { type: 'text/plain' });
    expect(await sealFile(plain)).toBe(plain);
    await enableAppLock(PIN);
    const sealed = await sealFile(plain);
    expect(sealed.type).toBe(SEALED_FILE_TYPE);
    expect(await sealed.text()).not.toContain('Rapport');
    const opened = await openFile(sealed, 'text/plain');
    expect([await opened.text(), opened.type]).toEqual(['Rapport confidentiel', 'text/plain']);
    forgetKey();
    await expect(openFile(sealed, 'text/plain')).rejects.toBeInstanceOf(LockedError);
  }, 30_000);

  it('finishes sealing at the next unlock when turning it on was cut short', async () => {
    await enableAppLock(PIN);
    // As if the tab had closed before every row was sealed: one row in the clear, the mark unset.
    const raw = new Dexie(DB_NAME);
    await raw.open();
    await raw.table('rooms').put({ ...room, roomId: '!late:localhost', name: 'Noch net versigelt' });
    const lock = await raw.table('kv').get('appLock');
    await raw.table('kv').put({ ...lock, sealedAll: undefined });
    raw.close();
    expect(await rawContents()).toContain('Noch net versigelt');
    forgetKey();
    expect(await unlockAppLock(PIN, noWipe)).toEqual({ ok: true });
    expect(await rawContents()).not.toContain('Noch net versigelt');
    expect((await listRooms()).map((r) => r.name)).toContain('Noch net versigelt');
  }, 30_000);

  it('turned off, writes every row back in the clear', async () => {
    await enableAppLock(PIN);
    await disableAppLock();
    expect(await rawContents()).toContain(BODY);
    expect(isLocked()).toBe(false);
    expect((await listRooms()).map((r) => r.name)).toEqual([NAME]);
  }, 30_000);
});
