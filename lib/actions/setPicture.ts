// Profile and room pictures: scaled and re-encoded on the device (small, no EXIF location),
// then queued with the picture as the row's upload, so it is set offline too once the
// network is back. Removing a picture queues the change without an upload.
import { getRoom } from '../db/queries';
import type { ImageInfo, OutboxUpload } from '../db/types';
import { ActionError } from '../matrix/errors';
import { NotAnImage, resizeImage } from '../media/resizeImage';
import { enqueueProfileChange, enqueueRoomChange } from '../outbox/enqueue';
import { may } from './roomPermissions';

/** Longest side of a stored picture: room lists and profiles never show one larger. */
export const PICTURE_SIZE = 512;
/** A larger file is refused before it is even decoded (a phone photo is well under this). */
export const MAX_PICTURE_FILE = 30 * 1024 * 1024;

async function prepare(file: Blob): Promise<{ uploads: OutboxUpload[]; info: ImageInfo }> {
  if (!file.type.startsWith('image/')) throw new ActionError('notAnImage');
  if (file.size > MAX_PICTURE_FILE) throw new ActionError('pictureTooLarge');
  try {
    const { blob, info } = await resizeImage(file, PICTURE_SIZE);
    return { uploads: [{ blob, contentType: info.mimetype }], info };
  } catch (error) {
    if (error instanceof NotAnImage) throw new ActionError('notAnImage');
    throw error;
  }
}

/** Sets (or with null removes) the user's own picture, shown in every room. */
export async function setProfilePicture(file: Blob | null): Promise<void> {
  if (!file) {
    await enqueueProfileChange({ field: 'avatar_url' });
    return;
  }
  const { uploads, info } = await prepare(file);
  await enqueueProfileChange({ field: 'avatar_url', info }, uploads);
}

/** Sets (or with null removes) a room's picture, if the user's power level allows it. */
export async function setRoomPicture(roomId: string, file: Blob | null): Promise<void> {
  const room = await getRoom(roomId);
  if (!room || !may(room, 'avatar')) throw new ActionError('notAllowed');
  if (!file) {
    await enqueueRoomChange(roomId, { op: 'avatar' });
    return;
  }
  const { uploads, info } = await prepare(file);
  await enqueueRoomChange(roomId, { op: 'avatar', info }, uploads);
}
