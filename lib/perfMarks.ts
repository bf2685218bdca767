/** Marks the first time something painted, for the start-up benchmark (bench/startup.mjs). */
export function markOnce(name: 'luxchat:rooms-painted' | 'luxchat:timeline-painted'): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name).length) return;
  // After the frame that shows it, not when React committed it.
  requestAnimationFrame(() => {
    if (!performance.getEntriesByName(name).length) performance.mark(name);
  });
}

/** Steps of the sync's start, for bench/resume.mjs: where the time to the new messages goes. */
export type SyncStep =
  | 'luxchat:resumed-sync-stored'
  | 'luxchat:sdk-loaded'
  | 'luxchat:stores-ready'
  | 'luxchat:saved-sync-replayed'
  | 'luxchat:first-sync'
  | 'luxchat:first-sync-stored';

export function markStep(name: SyncStep): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name).length) return;
  performance.mark(name);
}
