/** Marks the first time something painted, for the start-up benchmark (bench/startup.mjs) and the sync's start. */
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

/** Resolves once `name` has been marked (or at once if it was), or after `timeoutMs`. */
export function marked(name: 'luxchat:rooms-painted', timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof PerformanceObserver === 'undefined' || performance.getEntriesByName(name).length) return resolve();
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName(name).length) return;
      done();
    });
    const timer = setTimeout(() => done(), timeoutMs);
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    observer.observe({ type: 'mark' });
  });
}
