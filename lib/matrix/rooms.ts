import { db } from '../db/database';
import { DIRECT } from './accountData';
import { currentClient } from './client';
import { ActionError, describeSdkError } from './errors';

const USER_ID = /^@[^:\s]+:[^\s]+$/;

async function requireClient() {
  const running = currentClient();
  if (!running) throw new ActionError('notReady');
  return (await running).client;
}

function actionErrorFrom(error: unknown): ActionError {
  if (error instanceof ActionError) return error;
  const { status } = describeSdkError(error);
  if (status === undefined) return new ActionError('offline');
  if (status === 403) return new ActionError('forbidden');
  return new ActionError('failed');
}

/**
 * Opens the direct chat with `userId`: an existing one if we have it, else a new encrypted
 * room that invites them and is recorded in m.direct. Returns the room id.
 */
export async function openDirectRoom(userId: string): Promise<string> {
  const target = userId.trim();
  if (!USER_ID.test(target)) throw new ActionError('invalidUserId');
  const client = await requireClient();
  try {
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
    // Shown at once; the sync fills in the rest.
    const now = Date.now();
    await db().rooms.put({
      roomId,
      name: target,
      membership: 'join',
      isDirect: true,
      encrypted: true,
      lastTs: now,
      unread: 0,
      mentions: 0,
      tags: [],
    });
    return roomId;
  } catch (error) {
    throw actionErrorFrom(error);
  }
}

/** A private group: invite-only, encrypted from its first event. Returns the room id. */
export async function createGroup(name: string, userIds: string[]): Promise<string> {
  const invite = userIds.map((u) => u.trim()).filter(Boolean);
  if (invite.some((u) => !USER_ID.test(u))) throw new ActionError('invalidUserId');
  const client = await requireClient();
  try {
    const { room_id: roomId } = await client.createRoom({
      name: name.trim() || undefined,
      invite,
      preset: 'private_chat' as never, // the SDK's Preset enum is a value import; the wire value is this string
      initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
    });
    await db().rooms.put({
      roomId,
      name: name.trim() || invite.join(', '),
      membership: 'join',
      isDirect: false,
      encrypted: true,
      lastTs: Date.now(),
      unread: 0,
      mentions: 0,
      tags: [],
    });
    return roomId;
  } catch (error) {
    throw actionErrorFrom(error);
  }
}

export async function joinRoom(roomId: string): Promise<void> {
  const client = await requireClient();
  try {
    await client.joinRoom(roomId);
  } catch (error) {
    throw actionErrorFrom(error);
  }
}

export async function leaveRoom(roomId: string): Promise<void> {
  const client = await requireClient();
  try {
    await client.leave(roomId);
    await db().rooms.update(roomId, { membership: 'leave' });
  } catch (error) {
    throw actionErrorFrom(error);
  }
}

/** Marks the room read here at once and, from the syncing tab, on the homeserver. */
export async function markRead(roomId: string): Promise<void> {
  await db().rooms.update(roomId, { unread: 0 });
  const running = currentClient();
  if (!running) return;
  const { client } = await running;
  const event = client.getRoom(roomId)?.getLastLiveEvent();
  if (!event || event.getId()?.startsWith('~')) return;
  try {
    await client.sendReadReceipt(event);
  } catch {
    // offline: the count clears again on the next read
  }
}

/**
 * Fetches up to `count` older events of a room from the homeserver; the ingest stores them.
 * Resolves false once the start of the room has been reached.
 */
export async function paginateBack(roomId: string, count: number): Promise<boolean> {
  const running = currentClient();
  if (!running) return true; // another tab syncs; it has the same store
  const { client } = await running;
  const room = client.getRoom(roomId);
  if (!room) return true;
  try {
    await client.scrollback(room, count);
  } catch (error) {
    throw actionErrorFrom(error);
  }
  return room.getLiveTimeline().getPaginationToken('b' as never) !== null;
}
