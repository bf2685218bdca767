import type { MatrixClient } from 'matrix-js-sdk';
import { addCreatedRoom, markRoomLeft } from '../db/rooms';
import { DIRECT } from './accountData';
import { ActionError, describeSdkError } from './errors';

const USER_ID = /^@[^:\s]+:[^\s]+$/;

/** Checked before anything is asked of the syncing tab, so a typo gets its message offline too. */
export function validUserId(userId: string): boolean {
  return USER_ID.test(userId.trim());
}

/**
 * Opens the direct chat with `userId`: an existing one if we have it, else a new encrypted
 * room that invites them and is recorded in m.direct. Returns the room id.
 */
export async function openDirectRoom(client: MatrixClient, userId: string): Promise<string> {
  const target = userId.trim();
  if (!USER_ID.test(target)) throw new ActionError('invalidUserId');
  const direct = (client.getAccountData(DIRECT)?.getContent() ?? {}) as Record<string, string[]>;
  const existing = (direct[target] ?? []).find((id) => client.getRoom(id)?.getMyMembership() === 'join');
  if (existing) return existing;
  try {
    await client.getProfileInfo(target);
  } catch (error) {
    if (describeSdkError(error).status === 404) throw new ActionError('userNotFound');
    throw error;
  }
  const { room_id: roomId } = await client.createRoom({
    is_direct: true,
    invite: [target],
    preset: 'trusted_private_chat' as never, // the SDK's Preset enum is a value import; the wire value is this string
    initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
  });
  await client.setAccountData(DIRECT, { ...direct, [target]: [...(direct[target] ?? []), roomId] });
  await addCreatedRoom(roomId, target, true);
  return roomId;
}

/** A private group: invite-only, encrypted from its first event. Returns the room id. */
export async function createGroup(client: MatrixClient, name: string, userIds: string[]): Promise<string> {
  const invite = userIds.map((u) => u.trim()).filter(Boolean);
  if (invite.some((u) => !USER_ID.test(u))) throw new ActionError('invalidUserId');
  const { room_id: roomId } = await client.createRoom({
    name: name.trim() || undefined,
    invite,
    preset: 'private_chat' as never, // the SDK's Preset enum is a value import; the wire value is this string
    initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
  });
  await addCreatedRoom(roomId, name.trim() || invite.join(', '), false);
  return roomId;
}

export async function joinRoom(client: MatrixClient, roomId: string): Promise<void> {
  await client.joinRoom(roomId);
}

export async function leaveRoom(client: MatrixClient, roomId: string): Promise<void> {
  await client.leave(roomId);
  await markRoomLeft(roomId);
}

export async function inviteToRoom(client: MatrixClient, roomId: string, userId: string): Promise<void> {
  const target = userId.trim();
  if (!USER_ID.test(target)) throw new ActionError('invalidUserId');
  try {
    await client.invite(roomId, target);
  } catch (error) {
    if (describeSdkError(error).status === 404) throw new ActionError('userNotFound');
    throw error;
  }
}

export async function kickMember(client: MatrixClient, roomId: string, userId: string): Promise<void> {
  await client.kick(roomId, userId);
}

export async function setRoomName(client: MatrixClient, roomId: string, name: string): Promise<void> {
  await client.setRoomName(roomId, name.trim());
}

export async function setRoomTopic(client: MatrixClient, roomId: string, topic: string): Promise<void> {
  await client.setRoomTopic(roomId, topic.trim());
}

/** Joins a room by alias or id (servers from a link help find it); resolves with its id. */
export async function joinByAddress(client: MatrixClient, idOrAlias: string, via: string[]): Promise<string> {
  try {
    const room = await client.joinRoom(idOrAlias, via.length ? { viaServers: via } : undefined);
    return room.roomId;
  } catch (error) {
    if (describeSdkError(error).status === 404) throw new ActionError('roomNotFound');
    throw error;
  }
}
