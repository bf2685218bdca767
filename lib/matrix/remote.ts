// Runs a command where the client is: in this tab if it syncs, else in the tab that does.
import type { CommandName, Commands } from './commands';
import { ActionError, describeSdkError } from './errors';
import { isLeader, leaderClient } from './leadership';
import { requestFromLeader } from './rpc';

type Args<K extends CommandName> = Commands[K] extends (client: never, ...args: infer A) => unknown ? A : never;
type Result<K extends CommandName> = Awaited<ReturnType<Commands[K]>>;

/** A failure as the user should read it: offline, refused, or failed. */
export function actionErrorFrom(error: unknown): ActionError {
  if (error instanceof ActionError) return error;
  const { status } = describeSdkError(error);
  const name = (error as Error | null)?.name;
  // No answer: the SDK's ConnectionError, or the connectivity gate's TypeError.
  if (status === undefined) return new ActionError(name === 'ConnectionError' || name === 'TypeError' ? 'offline' : 'failed');
  if (status === 403) return new ActionError('forbidden');
  return new ActionError('failed');
}

/** Runs a command of the syncing tab's, here or there. */
export async function runCommand<K extends CommandName>(name: K, ...args: Args<K>): Promise<Result<K>> {
  if (!isLeader()) return (await requestFromLeader(name, args)) as Result<K>;
  return runLocally(name, args) as Promise<Result<K>>;
}

let busy = 0;
let idle: (() => void)[] = [];

/** Resolves when no user command is running in this (syncing) tab: background work waits for it. */
export function whenUserIdle(): Promise<void> {
  if (busy === 0) return Promise.resolve();
  return new Promise((resolve) => idle.push(resolve));
}

/** The syncing tab's side: what it runs for itself and for the other tabs. */
export async function runLocally(name: string, args: unknown[]): Promise<unknown> {
  const client = leaderClient();
  if (!client) throw new ActionError('notReady');
  busy++;
  try {
    const { commands } = await import('./commands');
    const command = commands[name as CommandName] as ((client: unknown, ...args: unknown[]) => Promise<unknown>) | undefined;
    if (!command) throw new ActionError('failed');
    return await command(await client, ...args);
  } catch (error) {
    throw actionErrorFrom(error);
  } finally {
    if (--busy === 0) {
      const waiting = idle;
      idle = [];
      for (const resolve of waiting) resolve();
    }
  }
}
