import { runCommand } from '../matrix/remote';
import type { CommandName, Commands } from '../matrix/commands';

/** How long a read-only check waits for the homeserver before the action goes on without it. */
export const BRIEF_MS = 4_000;

type Args<K extends CommandName> = Commands[K] extends (client: never, ...args: infer A) => unknown ? A : never;
type Result<K extends CommandName> = Awaited<ReturnType<Commands[K]>>;

/**
 * Asks the syncing tab something the action can do without (is there such a user, which room
 * is this alias): undefined when no answer came in time (offline, no syncing tab, an error),
 * so the action queues its intent anyway and the homeserver decides later.
 */
export function askBriefly<K extends CommandName>(name: K, ...args: Args<K>): Promise<Result<K> | undefined> {
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), BRIEF_MS));
  return Promise.race([runCommand(name, ...args).catch(() => undefined), timeout]);
}
