/** The Background Sync tag under which the service worker flushes the outbox. */
export const OUTBOX_SYNC_TAG = 'luxchat-outbox';

/** The Periodic Background Sync tag under which it checks for new messages to notify of. */
export const PERIODIC_CHECK_TAG = 'luxchat-new-messages';

export type WorkerMessage =
  | { type: 'SKIP_WAITING' }
  | { type: 'GET_VERSION' }
  /** Someone signs in: cache the chat screens, SDK and crypto for offline use. */
  | { type: 'CACHE_APP' }
  /** Answers on the given port whether all of the app is cached (opens offline once signed in). */
  | { type: 'APP_CACHED' }
  /** A new message to notify of, unless a window of the app is on screen (page → worker). */
  | { type: 'NOTIFY'; notification: WorkerNotification }
  /** A notification was clicked: show this room (worker → page). */
  | { type: 'OPEN_ROOM'; roomId: string };

export interface WorkerNotification {
  roomId: string;
  title: string;
  body: string;
  /** The page that opens the room when no window of the app is open. */
  url: string;
  lang: string;
}
