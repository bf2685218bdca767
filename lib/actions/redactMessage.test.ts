import { beforeEach, describe, expect, it } from 'vitest';
import { toggleReaction } from './react';
import { redactMessage } from './redactMessage';
import { sendMessage } from './sendMessage';
import { freshDatabase, outboxRows } from './testOutbox';

beforeEach(freshDatabase);

describe('redactMessage', () => {
  it('queues a redaction of a sent message, with the reason', async () => {
    await redactMessage('!r', { eventId: '$m' }, 'wrong room');
    expect(await outboxRows()).toMatchObject([{ kind: 'redaction', content: { reason: 'wrong room' }, relation: { rel: 'redact', eventId: '$m' } }]);
  });

  it('drops an unsent message with its reactions instead of sending anything', async () => {
    await sendMessage('!r', 'oops');
    const [oops] = await outboxRows();
    await toggleReaction('!r', { txnId: oops.txnId }, '👍');
    await redactMessage('!r', { txnId: oops.txnId });
    expect(await outboxRows()).toEqual([]);
  });
});
