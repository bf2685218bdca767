import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import { ActionError } from '../matrix/errors';
import { freshDatabase, joinedRoom, outboxRows } from '../db/testDatabase';

let userExists: (userId: string) => Promise<boolean> = async () => true;
vi.mock('../matrix/remote', () => ({
  runCommand: async (name: string, userId: string) => {
    if (name !== 'userExists') throw new Error(`unexpected ${name}`);
    return userExists(userId);
  },
}));
const { startDirectMessage } = await import('./startDirectMessage');

beforeEach(async () => {
  userExists = async () => true;
  await freshDatabase();
});

describe('startDirectMessage', () => {
  it('opens the existing direct chat with a user instead of creating another', async () => {
    await db().rooms.put(joinedRoom(0, { roomId: '!dm:hs', isDirect: true }));
    await db().members.put({ roomId: '!dm:hs', userId: '@bob:hs', displayName: 'Bob', membership: 'join' });
    expect(await startDirectMessage(' @bob:hs ')).toBe('!dm:hs');
    expect(await outboxRows()).toEqual([]);
  });

  it('queues a new encrypted direct chat, and opens the same one when asked again before it exists', async () => {
    const placeholder = await startDirectMessage('@anna:hs');
    expect(placeholder).toMatch(/^~/);
    expect(await startDirectMessage('@anna:hs')).toBe(placeholder);
    expect((await outboxRows()).map((r) => [r.kind, r.content])).toEqual([['create', { invite: ['@anna:hs'], direct: true }]]);
    expect(await db().rooms.get(placeholder)).toMatchObject({ isDirect: true, encrypted: true, creating: true });
  });

  it('refuses a user the homeserver does not know; offline it queues anyway', async () => {
    userExists = async () => false;
    await expect(startDirectMessage('@nobody:hs')).rejects.toMatchObject({ code: 'userNotFound' });
    expect(await outboxRows()).toEqual([]);
    userExists = async () => {
      throw new ActionError('offline');
    };
    expect(await startDirectMessage('@anna:hs')).toMatch(/^~/);
    await expect(startDirectMessage('anna')).rejects.toMatchObject({ code: 'invalidUserId' });
  });
});
