import { describe, expect, it } from 'vitest';
import { linearFit } from './linear-fit.ts';
import { meanEstimate } from './mean-estimate.ts';

describe('linearFit', () => {
  it('linearFit(x, y) recovers an exact line with zero error for exact data', () => {
    const f = linearFit([0, 1, 2, 3], [1, 3, 5, 7], [0, 0, 0, 0]);
    expect(f.slope.value).toBeCloseTo(2, 14);
    expect(f.intercept.value).toBeCloseTo(1, 14);
    expect(f.slope.standardError).toBe(0);
  });
  it('linearFit(x, y) gives the textbook OLS slope error s/√Sxx', () => {
    // y = [1, 2, 2, 4] on x = [0, 1, 2, 3]: b = 0.9, a = 0.9, residuals [0.1, 0.2, -0.7, 0.4], RSS = 0.7.
    const f = linearFit([0, 1, 2, 3], [1, 2, 2, 4]);
    expect(f.slope.value).toBeCloseTo(0.9, 14);
    expect(f.rss).toBeCloseTo(0.7, 14);
    expect(f.slope.standardError).toBeCloseTo(Math.sqrt(0.7 / 2 / 5), 14);
  });
  it('linearFit(x, y, se) weights by 1/σ² and uses the known errors', () => {
    const f = linearFit([0, 1], [0, 1], [0.1, 0.1]);
    expect(f.slope.value).toBeCloseTo(1, 14);
    expect(f.slope.standardError).toBeCloseTo(Math.sqrt(0.02), 14);
  });
  it('linearFit rejects mismatched, degenerate and non-finite input', () => {
    expect(() => linearFit([0, 1], [0])).toThrow(/linearFit: invalid argument. `y`/);
    expect(() => linearFit([1, 1], [0, 1])).toThrow(/distinct/);
    expect(() => linearFit([0, Number.NaN], [0, 1])).toThrow(/`x\[1\]`/);
    expect(() => linearFit([0, 1], [0, 1], [0.1, 0])).toThrow(/standardErrors\[1\]/);
  });
});

describe('meanEstimate', () => {
  it('meanEstimate(samples) gives the mean and s/√n', () => {
    const e = meanEstimate([1, 2, 3, 4]);
    expect(e.value).toBe(2.5);
    expect(e.standardError).toBeCloseTo(Math.sqrt(5 / 3 / 4), 14);
    expect(e.samples).toBe(4);
  });
  it('meanEstimate rejects fewer than two or non-finite samples', () => {
    expect(() => meanEstimate([1])).toThrow(/at least two/);
    expect(() => meanEstimate([1, Number.NaN])).toThrow(/samples\[1\]/);
  });
});
