import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase, joinedRoom } from '../db/testDatabase';
import { applyChanges, emptyBatch } from '../db/applyChanges';
import { db } from '../db/database';
import { saveResumePoint } from '../db/resumePoint';
import type { SessionRow } from '../db/types';
import { resumeSync } from './resumeSync';

const SESSION: SessionRow = { id: 'current', homeserverUrl: 'http://hs/', userId: '@me:hs', deviceId: 'D', accessToken: 'secret' };
const PLAIN = '!plain:hs';
const SECRET = '!secret:hs';

let n = 0;
const message = (body: string, extra: Record<string, unknown> = {}) => ({
  event_id: `$${body}`,
  type: 'm.room.message',
  sender: '@bob:hs',
  origin_server_ts: 10_000 + n++,
  content: { msgtype: 'm.text', body },
  ...extra,
});

function answer(rooms: Record<string, unknown>, status = 200): Response {
  return new Response(JSON.stringify({ next_batch: 's2', rooms: { join: rooms } }), { status, headers: { 'content-type': 'application/json' } });
}

let requests: { url: string; auth: string | null }[] = [];
function serve(response: () => Response | Promise<Response>) {
  requests = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    requests.push({ url, auth: new Headers(init.headers).get('authorization') });
    return response();
  });
}

async function storeRooms() {
  await db().rooms.bulkPut([joinedRoom(0, { roomId: PLAIN, encrypted: false, lastTs: 5, lastBody: 'old', unread: 0 }), joinedRoom(0, { roomId: SECRET, encrypted: true, lastTs: 5, unread: 0 })]);
  await applyChanges({
    ...emptyBatch(),
    events: [{ kind: 'event', row: { eventId: '$old', roomId: PLAIN, ts: 5, sender: '@bob:hs', senderName: 'Bob', type: 'm.room.message', body: 'old' } }],
  });
}

beforeEach(async () => {
  await freshDatabase();
  await storeRooms();
});
afterEach(() => vi.unstubAllGlobals());

describe('resumeSync (the first /sync of a reopened app, before the SDK)', () => {
  it('asks nothing on a first start, with no saved position', async () => {
    serve(() => answer({}));
    expect(await resumeSync(SESSION)).toBeNull();
    expect(requests).toEqual([]);
  });

  it("asks from the saved position with the SDK's filter and first-sync parameters, the token in the header", async () => {
    await saveResumePoint('s1', 'f7');
    serve(() => answer({}));
    const resumed = await resumeSync(SESSION);
    expect(resumed).toMatchObject({ since: 's1', filterId: 'f7' });
    await resumed!.answer;
    const { url, auth } = requests[0];
    expect(auth).toBe('Bearer secret');
    const asked = new URL(url);
    expect(asked.origin + asked.pathname).toBe('http://hs/_matrix/client/v3/sync');
    expect(Object.fromEntries(asked.searchParams)).toEqual({
      filter: 'f7',
      timeout: '0',
      'org.matrix.msc4222.use_state_after': 'true',
      set_presence: 'offline',
      since: 's1',
    });
  });

  it('stores plain messages, the newest as the preview, with names, counts and receipts; encrypted rooms are left to the SDK', async () => {
    await saveResumePoint('s1', 'f7');
    serve(() =>
      answer({
        [PLAIN]: {
          timeline: { events: [message('one'), message('two', { sender: '@eve:hs' }), { type: 'm.room.name', state_key: '', event_id: '$n', sender: '@bob:hs', origin_server_ts: 1, content: { name: 'x' } }], limited: false },
          'org.matrix.msc4222.state_after': { events: [{ type: 'm.room.member', state_key: '@eve:hs', content: { membership: 'join', displayname: 'Eve' } }] },
          unread_notifications: { notification_count: 2, highlight_count: 1 },
          ephemeral: { events: [{ type: 'm.receipt', content: { $one: { 'm.read': { '@eve:hs': { ts: 7 } } } } }, { type: 'm.typing', content: { user_ids: [] } }] },
        },
        [SECRET]: {
          timeline: { events: [{ type: 'm.room.encrypted', event_id: '$c', sender: '@bob:hs', origin_server_ts: 20_000, content: { algorithm: 'm.megolm.v1.aes-sha2', ciphertext: 'x' } }] },
          unread_notifications: { notification_count: 1, highlight_count: 0 },
        },
        '!unknown:hs': { timeline: { events: [message('stranger')] } },
      }),
    );
    const answered = await (await resumeSync(SESSION))!.answer;
    expect(answered?.status).toBe(200);
    const plain = await db().rooms.get(PLAIN);
    expect(plain).toMatchObject({ lastBody: 'two', lastSender: 'Eve', lastEventId: '$two', unread: 2, mentions: 1 });
    expect((await db().events.where('roomId').equals(PLAIN).sortBy('ts')).map((e) => [e.body, e.senderName])).toEqual([
      ['old', 'Bob'],
      ['one', '@bob:hs'],
      ['two', 'Eve'],
    ]);
    expect(await db().receipts.get([PLAIN, '@eve:hs'])).toMatchObject({ eventId: '$one' });
    // Not readable without the SDK: neither the event, nor a preview, nor the homeserver's counts.
    expect(await db().events.get('$c')).toBeUndefined();
    expect(await db().rooms.get(SECRET)).toMatchObject({ lastTs: 5, unread: 0 });
    // A room the device does not have yet is the SDK's to add.
    expect(await db().rooms.get('!unknown:hs')).toBeUndefined();
    expect(await db().events.get('$stranger')).toBeUndefined();
  });

  it('marks a gap where the homeserver cut the timeline short, unless the history joins up', async () => {
    await saveResumePoint('s1', 'f7');
    const cut = [message('late1'), message('late2')];
    serve(() => answer({ [PLAIN]: { timeline: { events: cut, limited: true, prev_batch: 'p-late' } } }));
    await (await resumeSync(SESSION))!.answer;
    expect(await db().gaps.toArray()).toMatchObject([{ roomId: PLAIN, beforeEventId: '$late1', ts: cut[0].origin_server_ts, token: 'p-late' }]);

    await db().gaps.clear();
    serve(() => answer({ [PLAIN]: { timeline: { events: [message('old'), message('next')], limited: true, prev_batch: 'p' } } }));
    await (await resumeSync(SESSION))!.answer;
    expect(await db().gaps.count()).toBe(0);
  });

  it('applies edits, reactions and redactions, and keeps a redacted newest message out of the preview', async () => {
    await saveResumePoint('s1', 'f7');
    serve(() =>
      answer({
        [PLAIN]: {
          timeline: {
            events: [
              message('fine'),
              message('edit', { content: { body: '* new', 'm.new_content': { msgtype: 'm.text', body: 'new' }, 'm.relates_to': { rel_type: 'm.replace', event_id: '$old' } } }),
              { type: 'm.reaction', event_id: '$r', sender: '@bob:hs', origin_server_ts: 1, content: { 'm.relates_to': { rel_type: 'm.annotation', event_id: '$fine', key: '👍' } } },
              message('gone', { content: {}, unsigned: { redacted_because: { type: 'm.room.redaction' } } }),
            ],
          },
        },
      }),
    );
    await (await resumeSync(SESSION))!.answer;
    expect(await db().events.get('$old')).toMatchObject({ body: 'new', editedBy: '$edit' });
    expect(await db().reactions.get('$r')).toMatchObject({ targetId: '$fine', key: '👍' });
    expect(await db().events.get('$gone')).toMatchObject({ redacted: true });
    expect(await db().rooms.get(PLAIN)).toMatchObject({ lastBody: 'fine', lastEventId: '$fine' });
  });

  it('hands on any answer unchanged and stores nothing from a refusal, malformed JSON or no answer', async () => {
    await saveResumePoint('s1', 'f7');
    serve(() => new Response(JSON.stringify({ errcode: 'M_UNKNOWN_TOKEN', soft_logout: true }), { status: 401 }));
    const refused = await (await resumeSync(SESSION))!.answer;
    expect(refused).toMatchObject({ status: 401 });
    expect(JSON.parse(refused!.text)).toMatchObject({ errcode: 'M_UNKNOWN_TOKEN' });

    serve(() => new Response('{"rooms": {"join": {"!plain:hs": {"timeline": {"events": [42, null, {"type": 7}]}}}}}'));
    expect(await (await resumeSync(SESSION))!.answer).toMatchObject({ status: 200 });
    serve(() => new Response('not json'));
    expect(await (await resumeSync(SESSION))!.answer).toMatchObject({ status: 200, text: 'not json' });
    serve(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await (await resumeSync(SESSION))!.answer).toBeNull();
    expect(await db().rooms.get(PLAIN)).toMatchObject({ lastBody: 'old', lastTs: 5 });
  });
});
