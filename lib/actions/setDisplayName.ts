import { ActionError } from '../matrix/errors';
import { runCommand } from '../matrix/remote';

/** The longest display name Synapse accepts. */
export const MAX_DISPLAY_NAME = 256;

/** Changes the user's display name, everywhere they are a member (the homeserver updates each room). */
export async function setDisplayName(name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > MAX_DISPLAY_NAME) throw new ActionError('invalidDisplayName');
  await runCommand('setDisplayName', trimmed);
}
