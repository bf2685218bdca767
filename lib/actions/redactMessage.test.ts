import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { toggleReaction } from './react';
import { redactMessage } from './redactMessage';
import { sendMessage } from './sendMessage';
import { freshDatabase, outboxRows } from '../db/testDatabase';

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

describe('redactMessage of a row that may have left', () => {
  it('queues a deletion that waits for the event id of a message being sent, instead of dropping it', async () => {
    await sendMessage('!r', 'in flight');
    const [row] = await outboxRows();
    await db().outbox.update(row.txnId, { state: 'sending' });
    await redactMessage('!r', { txnId: row.txnId });
    const rows = await outboxRows();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ kind: 'redaction', dependsOn: row.txnId });
  });

  it('queues a deletion by event id for a row already sent, and one for a row whose attempt went unanswered', async () => {
    await sendMessage('!r', 'sent');
    const [sent] = await outboxRows();
    await db().outbox.update(sent.txnId, { state: 'sent', eventId: '$s' });
    await redactMessage('!r', { txnId: sent.txnId });
    expect((await outboxRows())[1]).toMatchObject({ kind: 'redaction', relation: { rel: 'redact', eventId: '$s' } });

    await sendMessage('!r', 'unknown');
    const unknown = (await outboxRows())[2];
    await db().outbox.update(unknown.txnId, { state: 'queued', outcomeUnknown: true });
    await redactMessage('!r', { txnId: unknown.txnId });
    expect((await outboxRows())[3]).toMatchObject({ kind: 'redaction', dependsOn: unknown.txnId });
  });
});
