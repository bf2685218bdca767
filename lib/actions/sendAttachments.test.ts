import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import { freshDatabase, joinedRoom, outboxRows } from '../db/testDatabase';

let limit: number | undefined = 1024;
vi.mock('../media/uploadLimit', () => ({ uploadLimit: async () => limit }));
const { megabytes, sendAttachments } = await import('./sendAttachments');

const file = (name: string, size: number, type = 'application/pdf') => new File(['x'.repeat(size)], name, { type });

beforeEach(async () => {
  limit = 1024;
  await freshDatabase();
});

describe('sendAttachments', () => {
  it('queues each file as a message with its upload, in order; encrypted in an encrypted room', async () => {
    await db().rooms.put(joinedRoom(0, { encrypted: true }));
    await sendAttachments('!r:hs', [file('a.pdf', 10), file('b.txt', 5, 'text/plain')], { caption: 'Both' });
    const rows = await outboxRows();
    expect(rows.map((r) => [r.content.msgtype, r.content.body, r.uploads?.length])).toEqual([
      ['m.file', 'Both', 1],
      ['m.file', 'b.txt', 1],
    ]);
    expect(rows.every((r) => typeof r.content.file === 'object' && r.uploads![0].contentType === 'application/octet-stream')).toBe(true);
  });

  it('sends unencrypted only where the room is known to be unencrypted', async () => {
    await db().rooms.put(joinedRoom(0, { encrypted: false }));
    await sendAttachments('!r:hs', [file('a.pdf', 10)]);
    await sendAttachments('!unknown:hs', [file('b.pdf', 10)]);
    const rows = await outboxRows();
    expect(rows.map((r) => [r.roomId, r.content.file === undefined])).toEqual([
      ['!r:hs', true],
      ['!unknown:hs', false],
    ]);
  });

  it('refuses an empty file or one over the homeserver\'s limit, naming it, and queues none of the batch', async () => {
    await expect(sendAttachments('!r:hs', [file('ok.pdf', 10), file('empty.pdf', 0)])).rejects.toMatchObject({ code: 'emptyFile', values: { name: 'empty.pdf' } });
    limit = 2 * 1024 * 1024;
    await expect(sendAttachments('!r:hs', [file('big.pdf', 2 * 1024 * 1024 + 1)])).rejects.toMatchObject({ code: 'fileTooLarge', values: { name: 'big.pdf', limit: '2' } });
    expect(await outboxRows()).toEqual([]);
    expect(megabytes(52428800)).toBe('50');
  });
});
