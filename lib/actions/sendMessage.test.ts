import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MessageTooLong, sendMessage } from './sendMessage';
import { freshDatabase, outboxRows } from '../db/testDatabase';

beforeEach(freshDatabase);

describe('sendMessage', () => {
  it('queues the trimmed text as m.text, and nothing for blank text', async () => {
    expect(await sendMessage('!r', '  hello  ')).toBe(true);
    expect(await sendMessage('!r', ' \n ')).toBe(false);
    expect(await outboxRows()).toMatchObject([{ roomId: '!r', kind: 'event', type: 'm.room.message', content: { msgtype: 'm.text', body: 'hello' }, state: 'queued' }]);
  });

  it('refuses a message over the size limit before queuing it', async () => {
    await expect(sendMessage('!r', 'é'.repeat(MAX_BODY_BYTES))).rejects.toBeInstanceOf(MessageTooLong);
    expect(await outboxRows()).toEqual([]);
  });
});

describe('sendMessage with Markdown', () => {
  it('sends formatted_body HTML beside the text when Markdown formats something', async () => {
    await sendMessage('!r', '**urgent**: see [the form](https://guichet.lu)');
    expect((await outboxRows())[0].content).toEqual({
      msgtype: 'm.text',
      body: '**urgent**: see [the form](https://guichet.lu)',
      format: 'org.matrix.custom.html',
      formatted_body: '<strong>urgent</strong>: see <a href="https://guichet.lu">the form</a>',
    });
  });
});

describe('sendMessage with mentions', () => {
  it('sends a pill in the HTML and the user in m.mentions', async () => {
    await sendMessage('!r', 'Anna, see this', [{ userId: '@anna:hs', name: 'Anna' }]);
    expect((await outboxRows())[0].content).toEqual({
      msgtype: 'm.text',
      body: 'Anna, see this',
      format: 'org.matrix.custom.html',
      formatted_body: '<a href="https://matrix.to/#/@anna:hs">Anna</a>, see this',
      'm.mentions': { user_ids: ['@anna:hs'] },
    });
  });
});
