import { describe, expect, it } from 'vitest';
import { waveformOf, WAVEFORM_POINTS } from './waveform';

describe('waveformOf', () => {
  it('keeps the peak of each stretch, scaled so the loudest point is 1024', () => {
    expect(waveformOf([0.1, 0.2, 0.05, 0.4], 2)).toEqual([512, 1024]);
  });

  it('has at most the allowed points, all integers in 0–1024, and copes with silence', () => {
    const wave = waveformOf(Array.from({ length: 500 }, (_, i) => Math.abs(Math.sin(i / 10))));
    expect(wave).toHaveLength(WAVEFORM_POINTS);
    expect(wave.every((v) => Number.isInteger(v) && v >= 0 && v <= 1024)).toBe(true);
    expect(waveformOf([0, 0, 0])).toEqual([0, 0, 0]);
    expect(waveformOf([])).toEqual([]);
  });
});
