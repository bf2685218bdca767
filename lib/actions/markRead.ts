import { newestStored } from '../db/events';
import { markRoomRead } from '../db/rooms';
import { enqueueReceipt } from '../outbox/enqueue';

/**
 * Marks the room read here at once, and on the homeserver up to its newest stored event
 * through the outbox (offline, one receipt per room waits). Returns that event's id.
 */
export async function markRead(roomId: string): Promise<string | undefined> {
  await markRoomRead(roomId);
  const newest = await newestStored(roomId);
  if (newest) await enqueueReceipt(roomId, newest.eventId);
  return newest?.eventId;
}
