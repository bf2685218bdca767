import { beforeEach, describe, expect, it } from 'vitest';
import { toggleReaction } from './react';
import { freshDatabase, outboxRows } from '../db/testDatabase';

beforeEach(freshDatabase);

describe('toggleReaction', () => {
  it('adds a reaction when the user has none with that key', async () => {
    await toggleReaction('!r', { eventId: '$m' }, '👍');
    expect(await outboxRows()).toMatchObject([{ type: 'm.reaction', relation: { rel: 'annotation', eventId: '$m', key: '👍' } }]);
  });

  it('takes back a sent reaction with a redaction, and an unsent one by dropping it', async () => {
    await toggleReaction('!r', { eventId: '$m' }, '👍', { eventId: '$myReaction' });
    expect(await outboxRows()).toMatchObject([{ kind: 'redaction', relation: { rel: 'redact', eventId: '$myReaction' } }]);
    await toggleReaction('!r', { eventId: '$m' }, '🎉');
    const pending = (await outboxRows())[1];
    await toggleReaction('!r', { eventId: '$m' }, '🎉', { txnId: pending.txnId });
    expect((await outboxRows()).map((r) => r.kind)).toEqual(['redaction']);
  });
});
