import { enqueue, type MessageRef } from '../outbox/enqueue';
import { redactMessage } from './redactMessage';

/**
 * Toggles the user's reaction with `key` on a message: `mine` is the user's own reaction with
 * that key, if any (sent, or still in the outbox). Adding and removing go through the outbox,
 * so both work offline.
 */
export async function toggleReaction(roomId: string, message: MessageRef, key: string, mine?: MessageRef): Promise<void> {
  if (mine) return redactMessage(roomId, mine);
  await enqueue({ roomId, type: 'm.reaction', content: {}, relatesTo: { rel: 'annotation', to: message, key } });
}
