import { describe, expect, it } from 'vitest';
import type { OutboxRow } from '../db/types';
import { requestFor } from './request';

const base: OutboxRow = { txnId: 't1', roomId: '!r', createdAt: 1, kind: 'event', type: 'm.room.message', content: { msgtype: 'm.text', body: 'hi' }, state: 'queued', attempts: 0, nextAttemptAt: 0 };

describe('requestFor', () => {
  it('sends a plain message as it is (rows from before kinds existed too)', () => {
    expect(requestFor(base)).toEqual({ kind: 'event', roomId: '!r', txnId: 't1', type: 'm.room.message', content: { msgtype: 'm.text', body: 'hi' } });
    const { kind: _kind, ...old } = base;
    expect(requestFor(old)).toMatchObject({ kind: 'event', content: { body: 'hi' } });
  });

  it('builds a reply, an edit and a reaction around the resolved event id', () => {
    expect(requestFor({ ...base, relation: { rel: 'reply', eventId: '$a' } })).toMatchObject({
      content: { body: 'hi', 'm.relates_to': { 'm.in_reply_to': { event_id: '$a' } } },
    });
    expect(requestFor({ ...base, content: { msgtype: 'm.text', body: 'fixed' }, relation: { rel: 'replace', eventId: '$a' } })).toMatchObject({
      content: {
        body: '* fixed',
        'm.new_content': { msgtype: 'm.text', body: 'fixed' },
        'm.relates_to': { rel_type: 'm.replace', event_id: '$a' },
      },
    });
    expect(requestFor({ ...base, content: {}, relation: { rel: 'annotation', eventId: '$a', key: '👍' } })).toEqual({
      kind: 'event',
      roomId: '!r',
      txnId: 't1',
      type: 'm.reaction',
      content: { 'm.relates_to': { rel_type: 'm.annotation', event_id: '$a', key: '👍' } },
    });
  });

  it('builds a redaction with its reason', () => {
    expect(requestFor({ ...base, kind: 'redaction', type: 'm.room.redaction', content: { reason: 'typo' }, relation: { rel: 'redact', eventId: '$a' } })).toEqual({
      kind: 'redaction',
      roomId: '!r',
      txnId: 't1',
      eventId: '$a',
      reason: 'typo',
    });
  });

  it('has nothing to send while the message referred to has no event id', () => {
    expect(requestFor({ ...base, relation: { rel: 'reply' }, dependsOn: 't0' })).toBeNull();
    expect(requestFor({ ...base, kind: 'redaction', relation: { rel: 'redact' } })).toBeNull();
  });

  it('passes a room change through as it was queued', () => {
    expect(requestFor({ ...base, kind: 'room', type: 'm.room.change', content: { op: 'name', value: 'Projet' } })).toEqual({
      kind: 'room',
      roomId: '!r',
      txnId: 't1',
      change: { op: 'name', value: 'Projet' },
    });
  });
});
