import { directRoomWith } from '../db/queries';
import { ActionError } from '../matrix/errors';
import { validUserId } from '../matrix/rooms';
import { enqueueRoomCreation } from '../outbox/enqueue';
import { askBriefly } from './askBriefly';

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
  if ((await askBriefly('userExists', target)) === false) throw new ActionError('userNotFound');
  return enqueueRoomCreation({ invite: [target], direct: true }, target);
}
