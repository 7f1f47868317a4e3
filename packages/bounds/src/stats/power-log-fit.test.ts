import { describe, expect, it } from 'vitest';
import { powerLogFit } from './power-log-fit.ts';

const depths = [100, 150, 225, 340, 510, 760, 1140, 1710, 2560, 3840];

describe('powerLogFit', () => {
  it('powerLogFit(L, y) recovers γ, a, b of exact (a ln L + b)·L^{−γ} data', () => {
    for (const [a, b, g] of [
      [0.4, 1, 1],
      [0, 2, 0.5],
      [-0.3, 4, 1],
      [1, -0.5, 2],
    ] as const) {
      const f = powerLogFit(
        depths,
        depths.map((l) => (a * Math.log(l) + b) * l ** -g),
      );
      expect(f.exponent.value).toBeCloseTo(g, 6);
      expect(f.a).toBeCloseTo(a, 4);
      expect(f.b).toBeCloseTo(b, 3);
      expect(f.rss).toBeLessThan(1e-12);
      expect(f.exponent.standardError).toBeLessThan(1e-4);
    }
  });
  it('powerLogFit(L, y, range, scales) fits signed data that cross zero (absolute residuals scaled by sᵢ)', () => {
    // (0.5 ln L − 3)/L changes sign at L = e⁶ ≈ 403, inside the range.
    const y = depths.map((l) => (0.5 * Math.log(l) - 3) / l);
    const f = powerLogFit(
      depths,
      y,
      [0.05, 4],
      depths.map((l) => 1 / l),
    );
    expect(f.exponent.value).toBeCloseTo(1, 6);
    expect(f.a).toBeCloseTo(0.5, 4);
    expect(f.b).toBeCloseTo(-3, 3);
    expect(() => powerLogFit(depths, y)).toThrow(/values\[0\]/);
    expect(() => powerLogFit(depths, y, [0.05, 4], [1])).toThrow(/`scales`/);
    expect(() =>
      powerLogFit(
        depths,
        y,
        [0.05, 4],
        depths.map(() => 0),
      ),
    ).toThrow(/scales\[0\]/);
  });
  it('powerLogFit gives a larger error for data the model fits worse', () => {
    const clean = powerLogFit(
      depths,
      depths.map((l) => 1 / l),
    );
    const rough = powerLogFit(
      depths,
      depths.map((l, i) => (1 / l) * (1 + 0.05 * (i % 2 === 0 ? 1 : -1))),
    );
    expect(rough.exponent.standardError as number).toBeGreaterThan(clean.exponent.standardError as number);
    expect(rough.exponent.value).toBeGreaterThan(0.8);
    expect(rough.exponent.value).toBeLessThan(1.2);
  });
  it('powerLogFit rejects mismatched, short, non-positive and non-finite input', () => {
    expect(() => powerLogFit([2, 3, 4], [1, 1, 1])).toThrow(/powerLogFit: invalid argument. `depths`/);
    expect(() => powerLogFit([2, 3, 4, 5], [1, 1, 1])).toThrow(/`values`/);
    expect(() => powerLogFit([1, 3, 4, 5], [1, 1, 1, 1])).toThrow(/depths\[0\]/);
    expect(() => powerLogFit([2, 3, 4, 5], [1, 0, 1, 1])).toThrow(/values\[1\]/);
    expect(() => powerLogFit([2, 3, 4, 5], [1, 1, Number.NaN, 1])).toThrow(/values\[2\]/);
    expect(() => powerLogFit([2, 3, 4, 5], [1, 1, 1, 1], [2, 1])).toThrow(/`range`/);
  });
});
