import { beforeEach, describe, expect, it } from 'vitest';
import { editMessage } from './editMessage';
import { sendMessage } from './sendMessage';
import { freshDatabase, outboxRows } from '../db/testDatabase';

beforeEach(freshDatabase);

describe('editMessage', () => {
  it('queues the new text as a replacement of a sent message', async () => {
    expect(await editMessage('!r', { eventId: '$m' }, ' fixed ')).toBe(true);
    expect(await outboxRows()).toMatchObject([{ content: { msgtype: 'm.text', body: 'fixed' }, relation: { rel: 'replace', eventId: '$m' } }]);
  });

  it('edits a message still in the outbox (the edit waits for it), and ignores an empty edit', async () => {
    await sendMessage('!r', 'draft');
    const [draft] = await outboxRows();
    expect(await editMessage('!r', { txnId: draft.txnId }, '   ')).toBe(false);
    await editMessage('!r', { txnId: draft.txnId }, 'final');
    expect((await outboxRows())[1]).toMatchObject({ dependsOn: draft.txnId, relation: { rel: 'replace' }, content: { body: 'final' } });
  });
});
