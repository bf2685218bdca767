import { describe, expect, it } from 'vitest';
import { withLocalEcho } from './localEcho';
import type { EventRow, OutboxRow, ReactionRow } from './types';

const event = (eventId: string, body: string, sender = '@bob:hs'): EventRow => ({ eventId, roomId: '!r', ts: 1, sender, senderName: sender, type: 'm.room.message', body, content: { body } });
let n = 0;
const row = (extra: Partial<OutboxRow>): OutboxRow => ({ txnId: `t${++n}`, roomId: '!r', createdAt: n, kind: 'event', type: 'm.room.message', content: {}, state: 'queued', attempts: 0, nextAttemptAt: 0, ...extra });
const reaction = (eventId: string, targetId: string, key: string, sender: string): ReactionRow => ({ eventId, roomId: '!r', targetId, key, sender });

describe('withLocalEcho', () => {
  it('shows the newest queued edit of a sent message and of an unsent one', () => {
    const unsent = row({ content: { body: 'draft' } });
    const echo = withLocalEcho(
      [event('$a', 'old', '@me:hs')],
      [],
      [
        unsent,
        row({ content: { body: 'newer' }, relation: { rel: 'replace', eventId: '$a' } }),
        row({ content: { body: 'newest' }, relation: { rel: 'replace', eventId: '$a' } }),
        row({ content: { body: 'final draft' }, relation: { rel: 'replace' }, dependsOn: unsent.txnId }),
      ],
      '@me:hs',
    );
    expect(echo.events[0]).toMatchObject({ body: 'newest', localEdit: true });
    expect(echo.pending.map((p) => p.content.body)).toEqual(['final draft']);
  });

  it('hides a message whose deletion is queued, and counts queued reactions as mine', () => {
    const echo = withLocalEcho(
      [event('$a', 'hello'), event('$b', 'bye')],
      [reaction('$r1', '$a', '👍', '@bob:hs'), reaction('$r2', '$a', '👍', '@me:hs')],
      [row({ kind: 'redaction', relation: { rel: 'redact', eventId: '$b' } }), row({ txnId: 'tx-heart', relation: { rel: 'annotation', eventId: '$a', key: '❤️' } })],
      '@me:hs',
    );
    expect(echo.events[1].deleting).toBe(true);
    expect(echo.reactions.$a).toEqual([
      { key: '👍', count: 2, senders: ['@bob:hs', '@me:hs'], mine: { eventId: '$r2' } },
      { key: '❤️', count: 1, senders: ['@me:hs'], mine: { txnId: 'tx-heart' } },
    ]);
  });

  it('stops counting a reaction whose removal is queued', () => {
    const echo = withLocalEcho(
      [event('$a', 'hello')],
      [reaction('$r2', '$a', '👍', '@me:hs')],
      [row({ kind: 'redaction', relation: { rel: 'redact', eventId: '$r2' } })],
      '@me:hs',
    );
    expect(echo.reactions.$a).toBeUndefined();
  });

  it('keys reactions to an unsent message by its txnId, and replies stay messages', () => {
    const unsent = row({ content: { body: 'q' } });
    const echo = withLocalEcho(
      [],
      [],
      [unsent, row({ relation: { rel: 'annotation', key: '🎉' }, dependsOn: unsent.txnId }), row({ content: { body: 'a' }, relation: { rel: 'reply' }, dependsOn: unsent.txnId })],
      '@me:hs',
    );
    expect(echo.pending.map((p) => p.content.body)).toEqual(['q', 'a']);
    expect(echo.reactions[unsent.txnId]).toMatchObject([{ key: '🎉', count: 1 }]);
  });
});

describe('withLocalEcho and refused intents', () => {
  it('does not show a refused edit or reaction as done, but lists it under its message', () => {
    const refusedEdit = row({ state: 'failed', error: 'forbidden', content: { body: 'nope' }, relation: { rel: 'replace', eventId: '$a' } });
    const refusedReaction = row({ state: 'failed', relation: { rel: 'annotation', eventId: '$a', key: '👍' } });
    const echo = withLocalEcho([event('$a', 'original', '@me:hs')], [], [refusedEdit, refusedReaction], '@me:hs');
    expect(echo.events[0]).toMatchObject({ body: 'original' });
    expect(echo.events[0].localEdit).toBeUndefined();
    expect(echo.reactions.$a).toBeUndefined();
    expect(echo.problems.$a.map((r) => r.txnId)).toEqual([refusedEdit.txnId, refusedReaction.txnId]);
  });
});
