import { ActionError } from '../matrix/errors';
import { validUserId } from '../matrix/rooms';
import { enqueueRoomCreation } from '../outbox/enqueue';

/** A private group, encrypted from its first event, queued (it opens at once, offline too); resolves with its id. */
export async function createGroup(name: string, userIds: string[]): Promise<string> {
  if (userIds.some((u) => u.trim() && !validUserId(u))) throw new ActionError('invalidUserId');
  const invite = userIds.map((u) => u.trim()).filter(Boolean);
  return enqueueRoomCreation({ name: name.trim() || undefined, invite, direct: false }, name.trim() || invite.join(', '));
}
