import { ActionError } from '../matrix/errors';
import { validUserId } from '../matrix/rooms';
import { enqueueRoomChange } from '../outbox/enqueue';
import { requireRoomPower } from './requireRoomPower';

/** Invites someone to a room the user is in; queued like a message. */
export async function inviteToRoom(roomId: string, userId: string): Promise<void> {
  if (!validUserId(userId)) throw new ActionError('invalidUserId');
  await requireRoomPower(roomId, 'invite');
  await enqueueRoomChange(roomId, { op: 'invite', userId: userId.trim() });
}
