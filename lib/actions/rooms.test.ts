import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import { ActionError } from '../matrix/errors';

let userExists: (userId: string) => Promise<boolean> = async () => true;
vi.mock('../matrix/remote', () => ({
  runCommand: async (name: string, userId: string) => {
    if (name !== 'userExists') throw new Error(`unexpected ${name}`);
    return userExists(userId);
  },
}));
const { acceptInvite, createGroup, startDirectMessage } = await import('./rooms');

beforeEach(async () => {
  userExists = async () => true;
  await db().delete();
  await db().open();
});

describe('starting chats', () => {
  it('opens the existing direct chat with a user instead of creating another', async () => {
    await db().rooms.put({ roomId: '!dm:hs', name: 'Bob', membership: 'join', isDirect: true, encrypted: true, lastTs: 1, unread: 0, mentions: 0, tags: [] });
    await db().members.put({ roomId: '!dm:hs', userId: '@bob:hs', displayName: 'Bob', membership: 'join' });
    expect(await startDirectMessage(' @bob:hs ')).toBe('!dm:hs');
    expect(await db().outbox.count()).toBe(0);
  });

  it('queues a new encrypted direct chat, and the same one when asked again before it exists', async () => {
    const placeholder = await startDirectMessage('@anna:hs');
    expect(placeholder).toMatch(/^~/);
    expect(await startDirectMessage('@anna:hs')).toBe(placeholder);
    expect((await db().outbox.toArray()).map((r) => [r.kind, r.content])).toEqual([['create', { invite: ['@anna:hs'], direct: true }]]);
  });

  it('refuses a user the homeserver does not know; offline it queues anyway', async () => {
    userExists = async () => false;
    await expect(startDirectMessage('@nobody:hs')).rejects.toMatchObject({ code: 'userNotFound' });
    expect(await db().outbox.count()).toBe(0);
    userExists = async () => {
      throw new ActionError('offline');
    };
    expect(await startDirectMessage('@anna:hs')).toMatch(/^~/);
    await expect(startDirectMessage('anna')).rejects.toMatchObject({ code: 'invalidUserId' });
  });

  it('queues a group with its name and invitations', async () => {
    await expect(createGroup('Team', ['@a:hs', 'b'])).rejects.toMatchObject({ code: 'invalidUserId' });
    const placeholder = await createGroup(' Team ', ['@a:hs', ' ', '@b:hs']);
    expect(await db().rooms.get(placeholder)).toMatchObject({ name: 'Team', creating: true, isDirect: false });
    expect((await db().outbox.get(placeholder.slice(1)))?.content).toEqual({ name: 'Team', invite: ['@a:hs', '@b:hs'], direct: false });
  });

  it('accepts an invitation through the outbox', async () => {
    await acceptInvite('!r:hs');
    expect((await db().outbox.toArray()).map((r) => [r.kind, r.roomId, r.content])).toEqual([['room', '!r:hs', { op: 'join' }]]);
  });
});
