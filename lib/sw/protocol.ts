/** The Background Sync tag under which the service worker flushes the outbox. */
export const OUTBOX_SYNC_TAG = 'luxchat-outbox';

export type WorkerMessage =
  | { type: 'SKIP_WAITING' }
  | { type: 'GET_VERSION' }
  /** Someone signs in: cache the chat screens, SDK and crypto for offline use. */
  | { type: 'CACHE_APP' }
  /** Answers on the given port whether all of the app is cached (opens offline once signed in). */
  | { type: 'APP_CACHED' };
