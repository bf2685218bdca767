import { markRoomLeft } from '../db/rooms';
import { enqueueRoomChange } from '../outbox/enqueue';

/** Leaves a room (or declines its invitation): gone from the list at once, queued for the homeserver. */
export async function leaveRoom(roomId: string): Promise<void> {
  await enqueueRoomChange(roomId, { op: 'leave' });
  await markRoomLeft(roomId);
}
