import type { NotifyMode } from '../db/types';
import { enqueueRoomChange } from '../outbox/enqueue';

/**
 * When a room notifies (all messages, mentions only, mute, or the default): queued like a
 * message and written as the account's push rules, so the user's other clients agree.
 */
export async function setRoomNotifications(roomId: string, mode: NotifyMode): Promise<void> {
  await enqueueRoomChange(roomId, { op: 'notify', mode });
}
