import { enqueueRoomChange } from '../outbox/enqueue';
import { requireRoomPower } from './requireRoomPower';

/** Removes (kicks) a member, where the user's power level allows it; queued like a message. */
export async function removeMember(roomId: string, userId: string): Promise<void> {
  await requireRoomPower(roomId, 'kick');
  await enqueueRoomChange(roomId, { op: 'kick', userId });
}
