import { erfc } from '@ntk/activations';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal-quantile.ts';

describe('normalQuantile', () => {
  it('normalQuantile(p) matches known quantiles (R qnorm, 16 digits)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
    expect(normalQuantile(0.9999)).toBeCloseTo(3.719016485455709, 11);
  });
  it('normalQuantile(p) inverts Φ across (0, 1)', () => {
    for (let p = 0.0005; p < 1; p += 0.0137) {
      expect(0.5 * erfc(-normalQuantile(p) / Math.SQRT2)).toBeCloseTo(p, 13);
    }
  });
  it('normalQuantile(p) rejects p outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(/normalQuantile: invalid argument. `p`/);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});
