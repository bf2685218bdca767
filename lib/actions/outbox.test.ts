import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { enqueue } from '../outbox/enqueue';
import { confirmMessage, discardMessage, retryMessage } from './outbox';
import { freshDatabase, outboxRows } from '../db/testDatabase';

beforeEach(freshDatabase);

describe('what the user does with a refused or held message', () => {
  it('Retry queues a failed row again at once; Send anyway confirms a held one; Discard drops a row and what refers to it', async () => {
    const failed = await enqueue({ roomId: '!r', content: { msgtype: 'm.text', body: 'a' } });
    const held = await enqueue({ roomId: '!r', content: { msgtype: 'm.text', body: 'b' } });
    await db().outbox.update(failed.txnId, { state: 'failed', error: 'rejected', nextAttemptAt: 9e15 });
    await db().outbox.update(held.txnId, { state: 'needs-confirmation', outcomeUnknown: true });
    const reaction = await enqueue({ roomId: '!r', content: {}, relatesTo: { rel: 'annotation', to: { txnId: held.txnId }, key: '👍' } });

    await retryMessage(failed.txnId);
    await confirmMessage(held.txnId);
    let rows = await outboxRows();
    expect(rows.find((r) => r.txnId === failed.txnId)).toMatchObject({ state: 'queued', nextAttemptAt: 0 });
    expect(rows.find((r) => r.txnId === failed.txnId)?.error).toBeUndefined();
    expect(rows.find((r) => r.txnId === held.txnId)).toMatchObject({ state: 'queued', confirmed: true });

    await discardMessage(held.txnId);
    rows = await outboxRows();
    expect(rows.map((r) => r.txnId)).toEqual([failed.txnId]);
    expect(rows.some((r) => r.txnId === reaction.txnId)).toBe(false);
  });
});
