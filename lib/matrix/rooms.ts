import type { MatrixClient } from 'matrix-js-sdk';
import type { ProfileChange, RoomChange, RoomCreation } from '../db/types';
import { DIRECT } from './accountData';
import { describeSdkError } from './errors';
import { applyNotifyMode } from './notifyRules';

const USER_ID = /^@[^:\s]+:[^\s]+$/;

/** Checked before anything is asked of the syncing tab, so a typo gets its message offline too. */
export function validUserId(userId: string): boolean {
  return USER_ID.test(userId.trim());
}

/** Marks a room's creation event with the outbox row that asked for it (see `createRoomOnce`). */
export const CREATED_BY_TXN = 'lu.luxchat.txn_id';

/**
 * Creates a queued room (an outbox row): encrypted from its first event, private, inviting
 * the users, recorded in m.direct when it is a direct chat. Creating a room has no transaction
 * id, so the room carries the row's in its creation event: an attempt whose answer was lost is
 * found among the synced rooms instead of creating the room twice. Resolves with the room id.
 */
export async function createRoomOnce(client: MatrixClient, txnId: string, creation: RoomCreation): Promise<string> {
  const earlier = client.getRooms().find((room) => room.currentState.getStateEvents('m.room.create', '')?.getContent()[CREATED_BY_TXN] === txnId);
  const roomId = earlier?.roomId ?? (await createNow(client, txnId, creation));
  // Also after a lost answer: the earlier attempt may have created the room and stopped there.
  if (creation.direct && creation.invite[0]) await rememberDirect(client, creation.invite[0], roomId);
  return roomId;
}

async function createNow(client: MatrixClient, txnId: string, creation: RoomCreation): Promise<string> {
  const { room_id: roomId } = await client.createRoom({
    name: creation.name || undefined,
    invite: creation.invite,
    is_direct: creation.direct,
    // The SDK's Preset enum is a value import; the wire values are these strings.
    preset: (creation.direct ? 'trusted_private_chat' : 'private_chat') as never,
    creation_content: { [CREATED_BY_TXN]: txnId },
    initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
  });
  return roomId;
}

/** Records a direct chat in m.direct (the account data every client reads to tell DMs apart). */
async function rememberDirect(client: MatrixClient, userId: string, roomId: string): Promise<void> {
  const direct = (client.getAccountData(DIRECT)?.getContent() ?? {}) as Record<string, string[]>;
  if (direct[userId]?.includes(roomId)) return;
  await client.setAccountData(DIRECT, { ...direct, [userId]: [...(direct[userId] ?? []), roomId] });
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
    case 'notify':
      await applyNotifyMode(client, roomId, change.mode);
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
  const room = await client.joinRoom(idOrAlias, via.length ? { viaServers: via } : undefined);
  return room.roomId;
}

/** The room an alias points at, or null when the homeserver knows no such alias. */
export async function resolveAlias(client: MatrixClient, alias: string): Promise<string | null> {
  try {
    return (await client.getRoomIdForAlias(alias)).room_id;
  } catch (error) {
    if (describeSdkError(error).status === 404) return null;
    throw error;
  }
}
