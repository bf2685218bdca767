// Changing a room: invite, remove a member, rename, set the topic, join one by its address.
// Checked here against the room's power levels first (a clear refusal, offline too), then
// queued in the outbox like a message (the homeserver checks again; a refusal shows in the
// room with Retry and Discard). Joining by address is queued too, under a placeholder room
// until the homeserver says which room it is.
import { getRoom } from '../db/queries';
import { ActionError } from '../matrix/errors';
import { runCommand } from '../matrix/remote';
import { enqueueRoomChange, enqueueRoomJoin } from '../outbox/enqueue';
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

/** How long to wait for the homeserver to resolve an alias before queuing the join anyway. */
const RESOLVE_MS = 4_000;

/**
 * Joins a room by "#alias:server", "!id:server" or a matrix.to link; resolves with the room id
 * to open: the room itself if the user is in it already, else a placeholder while the join is
 * queued (offline too). Online, an alias the homeserver does not know is refused at once.
 */
export async function joinRoomByAddress(address: string): Promise<string> {
  const parsed = parseRoomAddress(address);
  if (!parsed) throw new ActionError('invalidRoomAddress');
  let roomId: string | null | undefined = parsed.idOrAlias.startsWith('!') ? parsed.idOrAlias : undefined;
  if (roomId === undefined) {
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), RESOLVE_MS));
    roomId = await Promise.race([runCommand('resolveAlias', parsed.idOrAlias).catch(() => undefined), timeout]);
  }
  if (roomId === null) throw new ActionError('roomNotFound');
  if (roomId && (await getRoom(roomId))?.membership === 'join') return roomId;
  return enqueueRoomJoin({ address: roomId ?? parsed.idOrAlias, via: parsed.via });
}
