import type { MatrixClient } from 'matrix-js-sdk';
import { addCreatedRoom } from '../db/rooms';
import type { ProfileChange, RoomChange } from '../db/types';
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

/** A queued room change (an outbox row), done through the SDK. */
export async function applyRoomChange(client: MatrixClient, roomId: string, change: RoomChange & { url?: string }): Promise<void> {
  switch (change.op) {
    case 'invite':
      await client.invite(roomId, change.userId);
      return;
    case 'kick':
      await client.kick(roomId, change.userId);
      return;
    case 'leave':
      await client.leave(roomId);
      return;
    case 'name':
      await client.setRoomName(roomId, change.value);
      return;
    case 'topic':
      await client.setRoomTopic(roomId, change.value);
      return;
    case 'avatar':
      // The SDK types state content per event type; this is m.room.avatar's, per the spec.
      await client.sendStateEvent(roomId, 'm.room.avatar' as never, avatarContent(change) as never, '');
      return;
    case 'power':
      await client.setPowerLevel(roomId, change.userId, change.level);
      return;
    case 'join':
      await client.joinRoom(roomId);
      return;
  }
}

/** m.room.avatar's content: no url removes the picture. */
export function avatarContent(change: { url?: string; info?: unknown }): Record<string, unknown> {
  return change.url ? { url: change.url, ...(change.info ? { info: change.info } : {}) } : {};
}

/** A queued profile change (an outbox row): the homeserver updates every room the user is in. */
export async function applyProfileChange(client: MatrixClient, change: ProfileChange & { url?: string }): Promise<void> {
  if (change.field === 'displayname') await client.setDisplayName(change.value);
  else await client.setAvatarUrl(change.url ?? '');
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
