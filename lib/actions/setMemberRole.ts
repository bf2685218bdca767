import { getMembers, getRoom } from '../db/queries';
import { ActionError } from '../matrix/errors';
import { enqueueRoomChange } from '../outbox/enqueue';
import { mayChangeRole, ROLE_LEVELS, type Role } from './roomPermissions';

/**
 * Gives a member a role (member, moderator, admin) by their power level. Checked against the
 * room's power levels first, then queued like a message (the homeserver checks again).
 */
export async function setMemberRole(roomId: string, userId: string, role: Role, me: string): Promise<void> {
  const room = await getRoom(roomId);
  const member = (await getMembers(roomId)).find((m) => m.userId === userId);
  const level = ROLE_LEVELS[role];
  if (!room || !member || !mayChangeRole(room, { powerLevel: member.powerLevel, isMe: userId === me }, level)) {
    throw new ActionError('notAllowed');
  }
  await enqueueRoomChange(roomId, { op: 'power', userId, level });
}
