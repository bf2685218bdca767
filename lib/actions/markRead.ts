import { newestStored } from '../db/events';
import { recordOwnRead } from '../db/receipts';
import { markRoomRead } from '../db/rooms';
import { enqueueReceipt } from '../outbox/enqueue';

/**
 * Marks the room read here at once, and on the homeserver up to its newest stored event
 * through the outbox (offline, one receipt per room waits), and as the user's read position on
 * this device. Returns that event's id.
 */
export async function markRead(roomId: string, me: string): Promise<string | undefined> {
  await markRoomRead(roomId);
  const newest = await newestStored(roomId);
  if (!newest) return undefined;
  await enqueueReceipt(roomId, newest.eventId);
  await recordOwnRead(roomId, me, newest.eventId);
  return newest.eventId;
}
