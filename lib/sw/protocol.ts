/** The Background Sync tag under which the service worker flushes the outbox. */
export const OUTBOX_SYNC_TAG = 'luxchat-outbox';

export type WorkerMessage = { type: 'SKIP_WAITING' } | { type: 'GET_VERSION' };
