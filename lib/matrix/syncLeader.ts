import { isSealed } from '../db/database';
import { setConnectionState } from '../db/queries';
import type { SessionRow } from '../db/types';
import { onSyncRetry } from './leadership';
import { marked } from '../perfMarks';
import { resumeSync } from './resumeSync';

// Small and SDK-free: the tab is elected, and starts its resumed /sync, while the SDK loads.

/** After a failed start, the next try waits this long (doubling), unless the user retries. */
const RESTART_MIN_MS = 5_000;
const RESTART_MAX_MS = 120_000;
/** At most this long the SDK's loading waits for the resumed /sync's answer and the room list's paint. */
const SDK_WAIT_MS = 400;

/**
 * One tab per account syncs (matrix-js-sdk's contract is one client per session): a Web
 * Lock elects it; when it closes, the lock passes to a waiting tab. A start that fails is
 * shown, and tried again later or when the user asks. Returns a stop function.
 */
export function runSyncLeader(session: SessionRow): () => void {
  let release = () => {};
  const until = new Promise<void>((resolve) => (release = resolve));
  let retryNow = () => {};
  let failedStart = false;
  // The user's "Try again" after a failed start reloads the syncing tab: a module that failed
  // to load (the crypto WASM, say) stays failed for the page's life, so only a fresh page is a
  // real second try. The automatic retries in between cover passing failures.
  const stopRetries = onSyncRetry(() => (failedStart ? location.reload() : retryNow()));
  const abort = new AbortController();
  const body = async () => {
    // Elected: what changed while the app was closed is asked for at once. The SDK's code,
    // once it arrives, keeps the main thread busy for a while: a reopened app loads it after
    // the answer is stored and its stored rooms have painted, unless either is slow to come.
    let resumed = await resumeSync(session).catch(() => null);
    if (resumed) {
      const answered = Promise.race([resumed.answer, new Promise((resolve) => setTimeout(resolve, SDK_WAIT_MS))]);
      await Promise.all([answered, marked('luxchat:rooms-painted', SDK_WAIT_MS)]);
    }
    let delay = RESTART_MIN_MS;
    while (!abort.signal.aborted) {
      try {
        const { lead } = await import('./leader');
        // Its answer serves the first start only.
        const current = resumed;
        resumed = null;
        const outcome = await lead(session, until, current);
        // A restart (the data saver changed) starts again at once.
        if (outcome === 'stopped') return;
        delay = RESTART_MIN_MS;
      } catch (error) {
        console.error('luxchat: sync did not start', error);
        if (isSealed()) return;
        failedStart = true;
        await setConnectionState('failed').catch(() => undefined);
        await Promise.race([
          new Promise<void>((resolve) => {
            retryNow = resolve;
            setTimeout(resolve, delay);
          }),
          until,
        ]);
        delay = Math.min(RESTART_MAX_MS, delay * 2);
      }
    }
  };
  if ('locks' in navigator) {
    navigator.locks
      .request(`luxchat-sync:${session.userId}`, { signal: abort.signal }, body)
      .catch((e: unknown) => {
        if ((e as Error)?.name !== 'AbortError') console.error(e);
      });
  } else {
    void body();
  }
  return () => {
    stopRetries();
    abort.abort();
    release();
  };
}
