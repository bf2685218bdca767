import { MatrixEvent } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import { projectEvent, projectReceipts } from './project';

const ROOM = '!r:localhost';
let n = 0;
function ev(type: string, content: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return new MatrixEvent({ type, content, room_id: ROOM, sender: '@anna:localhost', event_id: `$e${n++}`, origin_server_ts: 1000 + n, ...extra });
}

describe('projectEvent', () => {
  it('stores a text message with its body, content and sender', () => {
    const change = projectEvent(ev('m.room.message', { msgtype: 'm.text', body: 'Moien' }));
    expect(change).toMatchObject({ kind: 'event', row: { roomId: ROOM, sender: '@anna:localhost', body: 'Moien', msgtype: 'm.text' } });
  });

  it('turns an m.replace into an edit of its target', () => {
    const change = projectEvent(
      ev('m.room.message', {
        msgtype: 'm.text',
        body: '* Moien!',
        'm.new_content': { msgtype: 'm.text', body: 'Moien!' },
        'm.relates_to': { rel_type: 'm.replace', event_id: '$orig' },
      }),
    );
    expect(change).toMatchObject({ kind: 'edit', targetId: '$orig', sender: '@anna:localhost', content: { body: 'Moien!' } });
  });

  it('reads reactions and redactions', () => {
    expect(projectEvent(ev('m.reaction', { 'm.relates_to': { rel_type: 'm.annotation', event_id: '$t', key: '👍' } }))).toMatchObject({
      kind: 'reaction',
      row: { targetId: '$t', key: '👍' },
    });
    expect(projectEvent(ev('m.room.redaction', {}, { redacts: '$t' }))).toMatchObject({ kind: 'redaction', targetId: '$t' });
    expect(projectEvent(ev('m.room.redaction', { redacts: '$v11' }))).toMatchObject({ kind: 'redaction', targetId: '$v11' });
  });

  it('keeps malformed messages without a body instead of failing', () => {
    const change = projectEvent(ev('m.room.message', { msgtype: 42, body: { html: '<script>' } }));
    expect(change?.kind).toBe('event');
    if (change?.kind !== 'event') return;
    expect(change.row.body).toBeUndefined();
    expect(change.row.msgtype).toBeUndefined();
  });

  it('ignores state events, local echoes and unknown types', () => {
    expect(projectEvent(ev('m.room.name', { name: 'x' }, { state_key: '' }))).toBeNull();
    expect(projectEvent(ev('m.room.message', { body: 'x' }, { event_id: '~!r:localhost:txn' }))).toBeNull();
    expect(projectEvent(ev('org.example.custom', { body: 'x' }))).toBeNull();
  });

  it('notes the reply target', () => {
    const change = projectEvent(ev('m.room.message', { msgtype: 'm.text', body: 'yes', 'm.relates_to': { 'm.in_reply_to': { event_id: '$q' } } }));
    expect(change).toMatchObject({ kind: 'event', row: { inReplyTo: '$q' } });
  });
});

describe('projectReceipts', () => {
  it('reads public and private read receipts and skips junk', () => {
    expect(
      projectReceipts(ROOM, {
        $a: { 'm.read': { '@bob:localhost': { ts: 5 } }, 'm.read.private': { '@me:localhost': { ts: 6 } } },
        $b: 'junk',
      }),
    ).toEqual([
      { roomId: ROOM, userId: '@bob:localhost', eventId: '$a', ts: 5 },
      { roomId: ROOM, userId: '@me:localhost', eventId: '$a', ts: 6 },
    ]);
  });
});
