// Changing a room: invite, remove a member, rename, set the topic, join one by its address.
// Checked here against the room's power levels first (a clear refusal, offline too); the
// syncing tab does the homeserver work (lib/matrix/rooms.ts), which checks again.
import { getRoom } from '../db/queries';
import { ActionError } from '../matrix/errors';
import { runCommand } from '../matrix/remote';
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
  await runCommand('inviteToRoom', roomId, userId.trim());
}

export async function removeMember(roomId: string, userId: string): Promise<void> {
  await allowed(roomId, 'kick');
  await runCommand('kickMember', roomId, userId);
}

export async function renameRoom(roomId: string, name: string): Promise<void> {
  await allowed(roomId, 'name');
  await runCommand('setRoomName', roomId, name);
}

export async function setRoomTopic(roomId: string, topic: string): Promise<void> {
  await allowed(roomId, 'topic');
  await runCommand('setRoomTopic', roomId, topic);
}

/** Joins a room by "#alias:server", "!id:server" or a matrix.to link; resolves with its id. */
export async function joinRoomByAddress(address: string): Promise<string> {
  const parsed = parseRoomAddress(address);
  if (!parsed) throw new ActionError('invalidRoomAddress');
  return runCommand('joinByAddress', parsed.idOrAlias, parsed.via);
}
