import { beforeEach, describe, expect, it } from 'vitest';
import { MessageTooLong } from './messageText';
import { sendMessage } from './sendMessage';
import { sendReply } from './sendReply';
import { freshDatabase, outboxRows } from '../db/testDatabase';

beforeEach(freshDatabase);

describe('sendReply', () => {
  it('replies to a sent message by its event id', async () => {
    await sendReply('!r', 'yes', { eventId: '$q' });
    expect(await outboxRows()).toMatchObject([{ content: { msgtype: 'm.text', body: 'yes' }, relation: { rel: 'reply', eventId: '$q' } }]);
  });

  it('replies to an unsent message: the reply waits for it', async () => {
    await sendMessage('!r', 'question');
    const [question] = await outboxRows();
    await sendReply('!r', 'answer', { txnId: question.txnId });
    const [, reply] = await outboxRows();
    expect(reply).toMatchObject({ dependsOn: question.txnId, relation: { rel: 'reply' } });
  });

  it('refuses an over-long reply', async () => {
    await expect(sendReply('!r', 'x'.repeat(40_000), { eventId: '$q' })).rejects.toBeInstanceOf(MessageTooLong);
    expect(await outboxRows()).toEqual([]);
  });
});
