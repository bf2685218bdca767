import { describe, expect, it } from 'vitest';
import { fitWithin } from './fitWithin';

describe('fitWithin', () => {
  it('scales the longest side down to the limit, keeping the shape', () => {
    expect(fitWithin(4032, 3024, 512)).toEqual({ width: 512, height: 384 });
    expect(fitWithin(1000, 3000, 512)).toEqual({ width: 171, height: 512 });
  });

  it('never scales up, and never reaches zero', () => {
    expect(fitWithin(200, 100, 512)).toEqual({ width: 200, height: 100 });
    expect(fitWithin(10000, 1, 512)).toEqual({ width: 512, height: 1 });
  });
});
