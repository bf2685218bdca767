// Changing a room: invite, remove a member, rename, set the topic, join one by its address.
// Checked here against the room's power levels first (a clear refusal, offline too), then
// queued in the outbox like a message (the homeserver checks again; a refusal shows in the
// room with Retry and Discard). Joining by address asks the syncing tab at once: the room to
// open is only known from the homeserver's answer.
import { getRoom } from '../db/queries';
import { ActionError } from '../matrix/errors';
import { runCommand } from '../matrix/remote';
import { enqueueRoomChange } from '../outbox/enqueue';
import { validUserId } from '../matrix/rooms';
import { parseRoomAddress } from './roomAddress';
import { may } from './roomPermissions';
import type { PowerNeeded } from '../db/types';

async function allowed(roomId: string, action: keyof PowerNeeded): Promise<void> {
  const room = await getRoom(roomId);
  if (!room || !may(room, action)) throw new ActionError('notAllowed');
}

export async function inviteToRoom(roomId: string, userId: string): Promise<void> {
  if (!validUserId(userId)) throw new ActionError('invalidUserId');
  await allowed(roomId, 'invite');
  await enqueueRoomChange(roomId, { op: 'invite', userId: userId.trim() });
}

export async function removeMember(roomId: string, userId: string): Promise<void> {
  await allowed(roomId, 'kick');
  await enqueueRoomChange(roomId, { op: 'kick', userId });
}

export async function renameRoom(roomId: string, name: string): Promise<void> {
  await allowed(roomId, 'name');
  await enqueueRoomChange(roomId, { op: 'name', value: name.trim() });
}

export async function setRoomTopic(roomId: string, topic: string): Promise<void> {
  await allowed(roomId, 'topic');
  await enqueueRoomChange(roomId, { op: 'topic', value: topic.trim() });
}

/** Joins a room by "#alias:server", "!id:server" or a matrix.to link; resolves with its id. */
export async function joinRoomByAddress(address: string): Promise<string> {
  const parsed = parseRoomAddress(address);
  if (!parsed) throw new ActionError('invalidRoomAddress');
  return runCommand('joinByAddress', parsed.idOrAlias, parsed.via);
}
