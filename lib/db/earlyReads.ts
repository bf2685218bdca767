import type { RoomRow, SessionRow } from './types';
import { databaseExists } from './database';
import { getSession, listRooms } from './queries';
import { LockedError } from '../lock/sealing';

/**
 * A signed-in start's first reads, begun as soon as the signed-in app's code has loaded and
 * before React renders it. A live query only starts once its component has committed, so the
 * session and then the rooms would each wait for a render; read together up front, the chat
 * screen's first render already has its room list. Each value serves until that hook's live
 * query answers, and never again (a later sign-in in the same page starts from nothing).
 */
export interface EarlyValues {
  session: SessionRow | null;
  rooms: RoomRow[];
}

type Name = keyof EarlyValues;

const settled: Partial<EarlyValues> = {};
const forgotten = new Set<Name>();

export function startEarlyReads(): void {
  const read = <N extends Name>(name: N, query: () => Promise<EarlyValues[N]>) =>
    void query().then(
      (value) => {
        if (!forgotten.has(name)) settled[name] = value;
      },
      () => undefined,
    );
  // Opening the database creates it: on a device whose hint outlived it, nothing is read.
  const present = databaseExists().catch(() => false);
  // Locked (lib/lock): nothing is known early; the live queries answer after the unlock.
  read('session', () => getSession().catch((error: unknown) => (error instanceof LockedError ? Promise.reject(error) : null)));
  read('rooms', async () => {
    if (!(await present)) throw new Error('no database');
    return listRooms();
  });
}

/** The early value, when it has arrived and its live query has not answered yet. */
export function earlyValue<N extends Name>(name: N): EarlyValues[N] | undefined {
  return forgotten.has(name) ? undefined : settled[name];
}

/** The live query answered: from now on it alone speaks. */
export function forgetEarly(name: Name): void {
  forgotten.add(name);
  delete settled[name];
}
