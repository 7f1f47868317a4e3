import { describe, expect, it } from 'vitest';
import { estimateRemainingMs } from './estimate-remaining.ts';

describe('estimateRemainingMs', () => {
  it('estimateRemainingMs(elapsed, f) extrapolates the average rate', () => {
    expect(estimateRemainingMs(1000, 0.25)).toBeCloseTo(3000, 12);
    expect(estimateRemainingMs(600, 0.75)).toBeCloseTo(200, 12);
  });
  it('estimateRemainingMs(elapsed, f, f0) leaves out the free (cached) part of the rate', () => {
    // Half done, a quarter of it from the cache: 1000 ms bought 0.25, so 0.5 more takes 2000 ms.
    expect(estimateRemainingMs(1000, 0.5, 0.25)).toBeCloseTo(2000, 12);
  });
  it('estimateRemainingMs is 0 when done and null before any rate is known', () => {
    expect(estimateRemainingMs(5, 1)).toBe(0);
    expect(estimateRemainingMs(5, 0)).toBeNull();
    expect(estimateRemainingMs(5, 0.5, 0.5)).toBeNull();
    expect(estimateRemainingMs(Number.NaN, 0.5)).toBeNull();
  });
});
