/** Marks the first time something painted, for the start-up benchmark (bench/startup.mjs). */
export function markOnce(name: 'luxchat:rooms-painted' | 'luxchat:timeline-painted'): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name).length) return;
  // After the frame that shows it, not when React committed it.
  requestAnimationFrame(() => {
    if (!performance.getEntriesByName(name).length) performance.mark(name);
  });
}
