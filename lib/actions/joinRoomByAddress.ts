import { getRoom } from '../db/queries';
import { ActionError } from '../matrix/errors';
import { enqueueRoomJoin } from '../outbox/enqueue';
import { askBriefly } from './askBriefly';
import { parseRoomAddress } from './roomAddress';

/**
 * Joins a room by "#alias:server", "!id:server" or a matrix.to link; resolves with the room id
 * to open: the room itself if the user is in it already, else a placeholder while the join is
 * queued (offline too) until the homeserver says which room it is. Online, an alias the
 * homeserver does not know is refused at once.
 */
export async function joinRoomByAddress(address: string): Promise<string> {
  const parsed = parseRoomAddress(address);
  if (!parsed) throw new ActionError('invalidRoomAddress');
  const roomId = parsed.idOrAlias.startsWith('!') ? parsed.idOrAlias : await askBriefly('resolveAlias', parsed.idOrAlias);
  if (roomId === null) throw new ActionError('roomNotFound');
  if (roomId && (await getRoom(roomId))?.membership === 'join') return roomId;
  // Shown by the address the user gave until the room's own name arrives.
  return enqueueRoomJoin({ address: roomId ?? parsed.idOrAlias, via: parsed.via }, parsed.idOrAlias);
}
