import { enqueueRoomChange } from '../outbox/enqueue';
import { requireRoomPower } from './requireRoomPower';

/** Sets a room's topic, where the user's power level allows it; queued like a message. */
export async function setRoomTopic(roomId: string, topic: string): Promise<void> {
  await requireRoomPower(roomId, 'topic');
  await enqueueRoomChange(roomId, { op: 'topic', value: topic.trim() });
}
