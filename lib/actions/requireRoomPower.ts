import { getRoom } from '../db/queries';
import type { PowerNeeded } from '../db/types';
import { ActionError } from '../matrix/errors';
import { may } from './roomPermissions';

/**
 * Refuses, before anything is queued, what the room's power levels (as last synced) do not
 * allow: a clear refusal, offline too. The homeserver checks again when the row is sent.
 */
export async function requireRoomPower(roomId: string, action: keyof PowerNeeded): Promise<void> {
  const room = await getRoom(roomId);
  if (!room || !may(room, action)) throw new ActionError('notAllowed');
}
