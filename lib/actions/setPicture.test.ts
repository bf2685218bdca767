import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import { joinedRoom } from '../db/testDatabase';
import { requestFor } from '../outbox/request';

// Decoding and drawing need a browser (checked end to end); here the picture "shrinks" to 3 bytes.
vi.mock('../media/resizeImage', () => ({
  NotAnImage: class NotAnImage extends Error {},
  resizeImage: async (file: Blob) => {
    if (file.size === 0) throw new (await import('../media/resizeImage')).NotAnImage();
    return { blob: new Blob(['jpg'], { type: 'image/jpeg' }), info: { mimetype: 'image/jpeg', size: 3, w: 512, h: 384 } };
  },
}));
const { MAX_PICTURE_FILE, setProfilePicture, setRoomPicture } = await import('./setPicture');

const room = (myPowerLevel: number) => joinedRoom(myPowerLevel);
const photo = new Blob(['a photo of 4032x3024 pixels'], { type: 'image/jpeg' });

beforeEach(async () => {
  await db().delete();
  await db().open();
});

describe('pictures', () => {
  it('queues the scaled-down profile picture as the row\'s upload, then the profile change that uses it', async () => {
    await setProfilePicture(photo);
    const [row] = await db().outbox.toArray();
    expect(row).toMatchObject({ kind: 'profile', content: { field: 'avatar_url', info: { mimetype: 'image/jpeg', size: 3, w: 512, h: 384 } } });
    expect(row.uploads).toHaveLength(1);
    expect(row.uploads![0]).toMatchObject({ contentType: 'image/jpeg' });
    expect(row.uploads![0].blob.size).toBe(3);
    // A picture for the profile is public: no encryption, and never held back as "room now encrypted".
    expect(requestFor(row)).toMatchObject({ kind: 'upload', index: 0, contentType: 'image/jpeg', encrypted: false, inMessage: false });
    expect(requestFor({ ...row, uploads: [{ ...row.uploads![0], mxc: 'mxc://hs/p' }] })).toMatchObject({
      kind: 'profile',
      change: { field: 'avatar_url', url: 'mxc://hs/p' },
    });
  });

  it('refuses a file that is not a picture, or too large, before queuing anything', async () => {
    await expect(setProfilePicture(new Blob(['%PDF'], { type: 'application/pdf' }))).rejects.toMatchObject({ code: 'notAnImage' });
    await expect(setProfilePicture(new Blob([], { type: 'image/png' }))).rejects.toMatchObject({ code: 'notAnImage' });
    const huge = { type: 'image/jpeg', size: MAX_PICTURE_FILE + 1 } as Blob;
    await expect(setProfilePicture(huge)).rejects.toMatchObject({ code: 'pictureTooLarge' });
    expect(await db().outbox.count()).toBe(0);
  });

  it('sets a room picture only where the power levels allow, and removes one without an upload', async () => {
    await db().rooms.put(room(0));
    await expect(setRoomPicture('!r:hs', photo)).rejects.toMatchObject({ code: 'notAllowed' });
    expect(await db().outbox.count()).toBe(0);
    await db().rooms.put(room(50));
    await setRoomPicture('!r:hs', photo);
    await setRoomPicture('!r:hs', null);
    const rows = await db().outbox.orderBy('createdAt').toArray();
    expect(rows.map((r) => [r.kind, r.content.op, r.uploads?.length ?? 0])).toEqual([
      ['room', 'avatar', 1],
      ['room', 'avatar', 0],
    ]);
    expect(requestFor(rows[1])).toEqual({ kind: 'room', roomId: '!r:hs', txnId: rows[1].txnId, change: { op: 'avatar' } });
  });
});
