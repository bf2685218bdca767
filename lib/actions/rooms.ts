// What a user does with rooms. The homeserver work runs in the syncing tab (lib/matrix/commands),
// whichever tab the user acts in.
import { markRoomLeft, markRoomRead } from '../db/rooms';
import { enqueueReceipt, enqueueRoomChange, enqueueRoomCreation } from '../outbox/enqueue';
import { directRoomWith } from '../db/queries';
import { newestStored } from '../db/events';
import { ActionError } from '../matrix/errors';
import { runCommand } from '../matrix/remote';
import { validUserId } from '../matrix/rooms';

/** How long to wait for the homeserver to say whether a user exists before queuing anyway. */
const USER_CHECK_MS = 4_000;

/**
 * Opens the direct chat with a user: the existing one, else a new encrypted one, queued (so it
 * works offline: the user can write at once, it is all sent once the room exists). Online, a
 * user the homeserver does not know is refused first. Resolves with the room id to open.
 */
export async function startDirectMessage(userId: string): Promise<string> {
  if (!validUserId(userId)) throw new ActionError('invalidUserId');
  const target = userId.trim();
  const existing = await directRoomWith(target);
  if (existing) return existing;
  if ((await userKnown(target)) === false) throw new ActionError('userNotFound');
  return enqueueRoomCreation({ invite: [target], direct: true }, target);
}

/** undefined when the homeserver could not be asked in time (offline, no syncing tab). */
async function userKnown(userId: string): Promise<boolean | undefined> {
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), USER_CHECK_MS));
  return Promise.race([runCommand('userExists', userId).catch(() => undefined), timeout]);
}

/** A private group, encrypted from its first event, queued like a direct chat. */
export async function createGroup(name: string, userIds: string[]): Promise<string> {
  if (userIds.some((u) => u.trim() && !validUserId(u))) throw new ActionError('invalidUserId');
  const invite = userIds.map((u) => u.trim()).filter(Boolean);
  return enqueueRoomCreation({ name: name.trim() || undefined, invite, direct: false }, name.trim() || invite.join(', '));
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
