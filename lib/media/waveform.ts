/** Points in a voice message's waveform (MSC1767: integers 0–1024). */
export const WAVEFORM_POINTS = 60;

/**
 * Loudness samples (0–1, taken every ~100 ms while recording) as a waveform of at most
 * WAVEFORM_POINTS integers between 0 and 1024, each the peak of its stretch, scaled so the
 * loudest point is 1024.
 */
export function waveformOf(samples: number[], points = WAVEFORM_POINTS): number[] {
  if (!samples.length) return [];
  const n = Math.min(points, samples.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const from = Math.floor((i * samples.length) / n);
    const to = Math.max(from + 1, Math.floor(((i + 1) * samples.length) / n));
    out.push(Math.max(...samples.slice(from, to)));
  }
  const peak = Math.max(...out);
  return out.map((v) => (peak > 0 ? Math.round((Math.max(0, v) / peak) * 1024) : 0));
}
