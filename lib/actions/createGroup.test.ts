import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { createGroup } from './createGroup';
import { freshDatabase } from '../db/testDatabase';

beforeEach(freshDatabase);

describe('createGroup', () => {
  it('queues a group with its name and invitations, shown at once', async () => {
    await expect(createGroup('Team', ['@a:hs', 'b'])).rejects.toMatchObject({ code: 'invalidUserId' });
    const placeholder = await createGroup(' Team ', ['@a:hs', ' ', '@b:hs']);
    expect(await db().rooms.get(placeholder)).toMatchObject({ name: 'Team', creating: true, isDirect: false, encrypted: true, myPowerLevel: 100 });
    expect((await db().outbox.toArray()).map((r) => [r.kind, r.content])).toEqual([['create', { name: 'Team', invite: ['@a:hs', '@b:hs'], direct: false }]]);
  });

  it('names an unnamed group after its members', async () => {
    const placeholder = await createGroup('', ['@a:hs', '@b:hs']);
    expect((await db().rooms.get(placeholder))?.name).toBe('@a:hs, @b:hs');
  });
});
