import { ActionError } from '../matrix/errors';
import { enqueueProfileChange } from '../outbox/enqueue';

/** The longest display name Synapse accepts. */
export const MAX_DISPLAY_NAME = 256;

/**
 * Changes the user's display name, everywhere they are a member (the homeserver updates each
 * room). Queued like a message, so it is done offline too once the network is back.
 */
export async function setDisplayName(name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > MAX_DISPLAY_NAME) throw new ActionError('invalidDisplayName');
  await enqueueProfileChange({ field: 'displayname', value: trimmed });
}
