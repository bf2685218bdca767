import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyChanges, emptyBatch, pruneRoom, type ChangeBatch } from './applyChanges';
import { closeDb, db, DB_NAME, LuxchatDb, SCHEMA_V1 } from './database';
import { getTimeline } from './queries';
import type { EventRow } from './types';

const ROOM = '!room:localhost';

function message(eventId: string, ts: number, body: string, extra: Partial<EventRow> = {}): EventRow {
  return { eventId, roomId: ROOM, ts, sender: '@anna:localhost', senderName: 'Anna', type: 'm.room.message', msgtype: 'm.text', body, content: { msgtype: 'm.text', body }, ...extra };
}

function batch(parts: Partial<ChangeBatch>): ChangeBatch {
  return { ...emptyBatch(), ...parts };
}

const events = (...rows: EventRow[]) => batch({ events: rows.map((row) => ({ kind: 'event' as const, row })) });

async function bodies(): Promise<(string | undefined)[]> {
  return (await getTimeline(ROOM)).events.map((e) => e.body);
}

beforeEach(async () => {
  closeDb();
  await Dexie.delete(DB_NAME);
});

describe('applyChanges', () => {
  it('orders the timeline by server time, whatever the arrival order', async () => {
    await applyChanges(events(message('$c', 300, 'three'), message('$a', 100, 'one')));
    await applyChanges(events(message('$b', 200, 'two')));
    expect(await bodies()).toEqual(['one', 'two', 'three']);
  });

  it('never stores an event twice', async () => {
    await applyChanges(events(message('$a', 100, 'one'), message('$a', 100, 'one')));
    await applyChanges(events(message('$a', 100, 'one')));
    expect(await db().events.count()).toBe(1);
  });

  it('applies an edit by the sender, and ignores one by anybody else', async () => {
    await applyChanges(events(message('$a', 100, 'Moien')));
    await applyChanges(batch({ events: [{ kind: 'edit', roomId: ROOM, ts: 500, targetId: '$a', editId: '$e1', sender: '@mallory:localhost', content: { msgtype: 'm.text', body: 'hacked' } }] }));
    expect(await bodies()).toEqual(['Moien']);
    await applyChanges(batch({ events: [{ kind: 'edit', roomId: ROOM, ts: 500, targetId: '$a', editId: '$e2', sender: '@anna:localhost', content: { msgtype: 'm.text', body: 'Moien alleguer' } }] }));
    expect(await db().events.get('$a')).toMatchObject({ body: 'Moien alleguer', editedBy: '$e2' });
  });

  it('keeps an edit when the unedited original arrives again (a late decryption, say)', async () => {
    await applyChanges(events(message('$a', 100, 'old')));
    await applyChanges(batch({ events: [{ kind: 'edit', roomId: ROOM, ts: 500, targetId: '$a', editId: '$e', sender: '@anna:localhost', content: { body: 'new' } }] }));
    await applyChanges(events(message('$a', 100, 'old')));
    expect((await db().events.get('$a'))?.body).toBe('new');
  });

  it('redacts: the body is gone for good, reactions to nothing are removed', async () => {
    await applyChanges(events(message('$a', 100, 'secret')));
    await applyChanges(batch({ events: [{ kind: 'reaction', row: { eventId: '$r', roomId: ROOM, targetId: '$a', key: '👍', sender: '@bob:localhost' } }] }));
    expect(await db().reactions.where('targetId').equals('$a').count()).toBe(1);
    await applyChanges(batch({ events: [{ kind: 'redaction', targetId: '$a' }, { kind: 'redaction', targetId: '$r' }] }));
    const stored = await db().events.get('$a');
    expect(stored).toMatchObject({ redacted: true });
    expect(stored?.body).toBeUndefined();
    expect(JSON.stringify(stored)).not.toContain('secret');
    expect(await db().reactions.count()).toBe(0);
    await applyChanges(events(message('$a', 100, 'secret')));
    expect((await db().events.get('$a'))?.body).toBeUndefined();
  });

  it('replaces a decryption placeholder with the message once the keys arrive', async () => {
    await applyChanges(events(message('$a', 100, '', { body: undefined, content: undefined, decryptionError: 'pending', type: 'm.room.encrypted' })));
    await applyChanges(events(message('$a', 100, 'now readable')));
    expect(await db().events.get('$a')).toMatchObject({ body: 'now readable' });
    expect((await db().events.get('$a'))?.decryptionError).toBeUndefined();
  });

  it('retires the outbox row of our own remote echo', async () => {
    await db().outbox.add({ txnId: 'tx1', roomId: ROOM, createdAt: 1, type: 'm.room.message', content: { body: 'hi' }, state: 'sending', attempts: 0, nextAttemptAt: 0 });
    await applyChanges(events(message('$a', 100, 'hi', { txnId: 'tx1' })));
    expect(await db().outbox.count()).toBe(0);
    const timeline = await getTimeline(ROOM);
    expect(timeline.events.length + timeline.pending.length).toBe(1);
  });

  it('prunes each room to its newest N events, N from the settings', async () => {
    await db().kv.put({ key: 'settings', maxEventsPerRoom: 3 });
    await applyChanges(events(...[1, 2, 3, 4, 5].map((i) => message(`$${i}`, i, `m${i}`))));
    expect(await bodies()).toEqual(['m3', 'm4', 'm5']);
    expect(await pruneRoom(ROOM, 1)).toBe(2);
    expect(await bodies()).toEqual(['m5']);
  });
});

describe('schema', () => {
  it('upgrades a version 1 database without losing rows', async () => {
    const v1 = new Dexie(DB_NAME);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('session').put({ id: 'current', homeserverUrl: 'http://hs', userId: '@a:hs', deviceId: 'D', accessToken: 't' });
    await v1.table('rooms').put({ roomId: ROOM, name: 'Room', membership: 'join', isDirect: false, encrypted: true, lastTs: 5, unread: 2 });
    await v1.table('events').bulkPut([message('$a', 1, 'one'), message('$b', 2, 'two')]);
    await v1.table('outbox').put({ txnId: 'tx', roomId: ROOM, createdAt: 1, type: 'm.room.message', content: { body: 'x' }, state: 'queued', attempts: 0, nextAttemptAt: 0 });
    v1.close();

    const upgraded = new LuxchatDb();
    expect(await upgraded.session.count()).toBe(1);
    expect(await upgraded.events.count()).toBe(2);
    expect(await upgraded.outbox.count()).toBe(1);
    expect(await upgraded.rooms.get(ROOM)).toMatchObject({ name: 'Room', unread: 2, mentions: 0, tags: [] });
    expect(upgraded.verno).toBe(6);
    expect(await upgraded.userTrust.count()).toBe(0);
    expect(await upgraded.shared.count()).toBe(0);
    upgraded.close();
  });
});

describe('edits, previews and gaps', () => {
  const edit = (editId: string, ts: number, body: string, targetId = '$a') =>
    batch({ events: [{ kind: 'edit', roomId: ROOM, targetId, editId, sender: '@anna:localhost', ts, content: { msgtype: 'm.text', body } }] });
  const room = (lastEventId: string, lastBody: string, lastTs: number) => ({
    roomId: ROOM, name: 'Room', membership: 'join' as const, isDirect: false, encrypted: false, lastTs, lastBody, lastEventId, lastSender: 'Anna', unread: 0, mentions: 0, tags: [],
  });

  it('the newest edit by server time wins, whatever order the edits arrive in', async () => {
    await applyChanges(events(message('$a', 100, 'v0')));
    await applyChanges(edit('$e2', 300, 'v2'));
    await applyChanges(edit('$e1', 200, 'v1'));
    expect(await db().events.get('$a')).toMatchObject({ body: 'v2', editedBy: '$e2', editedAt: 300 });
    await applyChanges(edit('$e3', 400, 'v3'));
    expect((await db().events.get('$a'))?.body).toBe('v3');
  });

  it('an edit that arrives before its original (older history fetched later) is applied when the original comes', async () => {
    await applyChanges(edit('$e1', 200, 'v1'));
    await applyChanges(edit('$e2', 300, 'v2'));
    expect(await db().events.get('$a')).toBeUndefined();
    await applyChanges({ ...events(message('$a', 100, 'v0')), events: [{ kind: 'event', row: message('$a', 100, 'v0'), backfill: true }] });
    expect(await db().events.get('$a')).toMatchObject({ body: 'v2', editedBy: '$e2' });
  });

  it('the room preview follows an edited and then a deleted last message', async () => {
    await applyChanges({ ...events(message('$a', 100, 'first'), message('$b', 200, 'second')), rooms: [room('$b', 'second', 200)] });
    await applyChanges(edit('$e', 300, 'second, edited', '$b'));
    expect((await db().rooms.get(ROOM))?.lastBody).toBe('second, edited');
    // The SDK's summary after the deletion points at the older message, with an older time.
    await applyChanges({ ...batch({ events: [{ kind: 'redaction', targetId: '$b' }] }), rooms: [room('$a', 'first', 100)] });
    expect(await db().rooms.get(ROOM)).toMatchObject({ lastBody: 'first', lastEventId: '$a' });
  });

  it('keeps the preview when the SDK knows no message of the room (only a newer reaction)', async () => {
    await applyChanges({ ...events(message('$a', 100, 'Moien')), rooms: [room('$a', 'Moien', 100)] });
    const { lastBody: _body, lastEventId: _id, lastSender: _sender, ...noPreview } = room('$a', 'Moien', 100);
    await applyChanges(batch({ rooms: [{ ...noPreview, lastTs: 200 }] }));
    expect(await db().rooms.get(ROOM)).toMatchObject({ lastBody: 'Moien', lastEventId: '$a', lastTs: 100 });
  });

  it('stores a gap once per place, and pruning turns a gap below the oldest kept event into the top of the room', async () => {
    await applyChanges(events(...Array.from({ length: 6 }, (_, i) => message(`$m${i}`, 100 + i, `m${i}`))));
    const gap = { roomId: ROOM, ts: 104, beforeEventId: '$m4', token: 't1' };
    await applyChanges(batch({ gaps: [gap] }));
    await applyChanges(batch({ gaps: [{ ...gap, token: 't2' }] }));
    expect(await db().gaps.toArray()).toMatchObject([{ ts: 104, token: 't2' }]);
    await db().transaction('rw', [db().events, db().reactions, db().edits, db().gaps], () => pruneRoom(ROOM, 2));
    expect(await db().gaps.count()).toBe(0);
  });

  it('closes and moves gaps as filling reports', async () => {
    await applyChanges(batch({ gaps: [{ roomId: ROOM, ts: 500, beforeEventId: '$x', token: 'a' }] }));
    const [stored] = await db().gaps.toArray();
    await applyChanges(batch({ gaps: [{ ...stored, ts: 400, beforeEventId: '$y', token: 'b' }] }));
    expect(await db().gaps.toArray()).toMatchObject([{ id: stored.id, ts: 400, token: 'b' }]);
    await applyChanges(batch({ closedGaps: [stored.id!] }));
    expect(await db().gaps.count()).toBe(0);
  });
});
