import { enqueueRoomChange } from '../outbox/enqueue';

/** Accepts an invitation: queued (offline too); the room opens as joined when the homeserver says so. */
export async function acceptInvite(roomId: string): Promise<void> {
  await enqueueRoomChange(roomId, { op: 'join' });
}
