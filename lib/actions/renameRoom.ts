import { enqueueRoomChange } from '../outbox/enqueue';
import { requireRoomPower } from './requireRoomPower';

/** Renames a room, where the user's power level allows it; queued like a message. */
export async function renameRoom(roomId: string, name: string): Promise<void> {
  await requireRoomPower(roomId, 'name');
  await enqueueRoomChange(roomId, { op: 'name', value: name.trim() });
}
