// The session's life seen from the UI: ended by the homeserver, signed out in another tab.
import { sealDb } from '../db/database';
import { getSession } from '../db/queries';
import { requestSyncRetry } from '../matrix/leadership';
import { resumeSession } from '../matrix/session';
import { isClosing, listen, markClosing, subscribeClosing } from '../matrix/sessionBus';

export { isClosing, subscribeClosing };

/**
 * Follows logouts in other tabs: `onClosed` is called as soon as one starts (this tab stops
 * syncing and lets go of its database at once), and the page reloads once the wipe is done.
 */
export function watchSessionEnd(onClosed: () => void): () => void {
  let fallback: ReturnType<typeof setTimeout> | null = null;
  const stop = listen((message) => {
    if (message.kind === 'closing') {
      markClosing();
      sealDb();
      onClosed();
      // Should the tab that logs out close before it says the wipe is done, look again anyway.
      fallback ??= setTimeout(() => location.reload(), CLOSED_FALLBACK_MS);
    } else if (message.kind === 'closed') {
      location.reload();
    }
  });
  return () => {
    if (fallback) clearTimeout(fallback);
    stop();
  };
}

/** How long a tab waits for the logging-out tab's "wipe done" before reloading by itself. */
const CLOSED_FALLBACK_MS = 20_000;

/** Signs in again after a soft logout; queued messages then go out with the new token. */
export async function signInAgain(password: string): Promise<void> {
  const session = await getSession();
  if (!session) return;
  await resumeSession(session, password);
}

/** Ends a soft-logged-out session for good (the user would rather not sign in again). */
export async function giveUpSession(): Promise<void> {
  const { signOutEverywhere } = await import('../matrix/signOut');
  await signOutEverywhere({ serverSide: false, ended: false });
}

/** Asks the syncing tab to try starting the sync again now. */
export function retrySync(): void {
  requestSyncRetry();
}
