// What a user does with rooms. The homeserver work runs in the syncing tab (lib/matrix/commands),
// whichever tab the user acts in.
import { markRoomLeft, markRoomRead } from '../db/rooms';
import { enqueueReceipt, enqueueRoomChange } from '../outbox/enqueue';
import { newestStored } from '../db/events';
import { ActionError } from '../matrix/errors';
import { runCommand } from '../matrix/remote';
import { validUserId } from '../matrix/rooms';

/** Opens (or creates) the direct chat with a user; resolves with its room id. */
export async function startDirectMessage(userId: string): Promise<string> {
  if (!validUserId(userId)) throw new ActionError('invalidUserId');
  return runCommand('startDirectMessage', userId.trim());
}

export async function createGroup(name: string, userIds: string[]): Promise<string> {
  if (userIds.some((u) => u.trim() && !validUserId(u))) throw new ActionError('invalidUserId');
  return runCommand('createGroup', name, userIds);
}

/** Accepts an invitation: queued (offline too); the room opens as joined when the homeserver says so. */
export async function acceptInvite(roomId: string): Promise<void> {
  await enqueueRoomChange(roomId, { op: 'join' });
}

/** Leaves a room (or declines its invitation): gone from the list at once, queued for the homeserver. */
export async function leaveRoom(roomId: string): Promise<void> {
  await enqueueRoomChange(roomId, { op: 'leave' });
  await markRoomLeft(roomId);
}

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

/**
 * Fetches about `count` events older than the oldest stored; resolves false once the start of
 * the room has been reached.
 */
export function loadOlderMessages(roomId: string, count: number): Promise<boolean> {
  return runCommand('loadOlder', roomId, count);
}

/** Fetches the history missing at a gap; resolves true once the gap is gone. */
export function fillGap(gapId: number): Promise<boolean> {
  return runCommand('fillGap', gapId);
}
