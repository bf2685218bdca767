import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { PROFILE_ROOM } from '../db/types';
import { requestFor } from '../outbox/request';
import { MAX_DISPLAY_NAME, setDisplayName } from './setDisplayName';

beforeEach(async () => {
  await db().delete();
  await db().open();
});

describe('setDisplayName', () => {
  it('queues the trimmed name as a profile change, and refuses an empty or over-long one', async () => {
    await setDisplayName('  Anna Muller ');
    await expect(setDisplayName('   ')).rejects.toMatchObject({ code: 'invalidDisplayName' });
    await expect(setDisplayName('x'.repeat(MAX_DISPLAY_NAME + 1))).rejects.toMatchObject({ code: 'invalidDisplayName' });
    const rows = await db().outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'profile', roomId: PROFILE_ROOM, state: 'queued' });
    expect(requestFor(rows[0])).toMatchObject({ kind: 'profile', change: { field: 'displayname', value: 'Anna Muller' } });
  });
});
