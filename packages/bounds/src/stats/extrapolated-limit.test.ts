import { describe, expect, it } from 'vitest';
import { extrapolatedLimit } from './extrapolated-limit.ts';

const depths = [100, 150, 225, 340, 510, 760, 1140, 1710, 2560, 3840];

describe('extrapolatedLimit', () => {
  it('extrapolatedLimit(L, y) recovers y∞ of exact y∞ + a ln L/L + b/L data with zero error', () => {
    const f = extrapolatedLimit(
      depths,
      depths.map((l) => 0.75 - (0.4 * Math.log(l)) / l + 2 / l),
    );
    expect(f.limit.value).toBeCloseTo(0.75, 12);
    expect(f.a).toBeCloseTo(-0.4, 9);
    expect(f.b).toBeCloseTo(2, 8);
    expect(f.limit.standardError as number).toBeLessThan(1e-12);
  });
  it('extrapolatedLimit gives the OLS error s²(XᵀX)⁻¹ for noisy data (checked against a direct 3×3 solve)', () => {
    const noise = [0.01, -0.02, 0.015, 0, -0.01, 0.02, -0.015, 0.005, 0.01, -0.01];
    const y = depths.map((l, i) => 1 + 3 / l + (noise[i] as number));
    const f = extrapolatedLimit(depths, y);
    // Independent check: Gauss–Jordan on the normal equations.
    const X = depths.map((l) => [1, Math.log(l) / l, 1 / l]);
    const A = [0, 1, 2].map((p) =>
      [0, 1, 2].map((q) => X.reduce((s, r) => s + (r[p] as number) * (r[q] as number), 0)),
    );
    const inv: number[][] = [0, 1, 2].map((p) => [0, 1, 2].map((q) => (p === q ? 1 : 0)));
    for (let c = 0; c < 3; c++) {
      const piv = A[c]![c]!;
      for (let k = 0; k < 3; k++) {
        A[c]![k]! /= piv;
        inv[c]![k]! /= piv;
      }
      for (let r = 0; r < 3; r++) {
        if (r === c) continue;
        const m = A[r]![c]!;
        for (let k = 0; k < 3; k++) {
          A[r]![k]! -= m * A[c]![k]!;
          inv[r]![k]! -= m * inv[c]![k]!;
        }
      }
    }
    const xty = [0, 1, 2].map((p) => X.reduce((s, r, i) => s + (r[p] as number) * (y[i] as number), 0));
    const beta = [0, 1, 2].map((p) => inv[p]!.reduce((s, v, q) => s + v * (xty[q] as number), 0));
    const rss = y.reduce(
      (s, v, i) => s + (v - (beta[0]! + beta[1]! * X[i]![1]! + beta[2]! * X[i]![2]!)) ** 2,
      0,
    );
    expect(f.limit.value).toBeCloseTo(beta[0]!, 8);
    expect(f.rss).toBeCloseTo(rss, 10);
    expect(f.limit.standardError as number).toBeCloseTo(Math.sqrt((rss / 7) * inv[0]![0]!), 6);
  });
  it('extrapolatedLimit rejects mismatched, short and non-finite input', () => {
    expect(() => extrapolatedLimit([1, 2, 3], [1, 1, 1])).toThrow(/extrapolatedLimit: invalid argument/);
    expect(() => extrapolatedLimit([1, 2, 3, 4], [1, 1, 1])).toThrow(/`values`/);
    expect(() => extrapolatedLimit([0, 2, 3, 4], [1, 1, 1, 1])).toThrow(/depths\[0\]/);
    expect(() => extrapolatedLimit([1, 2, 3, 4], [1, Number.POSITIVE_INFINITY, 1, 1])).toThrow(/values\[1\]/);
    expect(() => extrapolatedLimit([2, 2, 2, 2], [1, 1, 1, 1])).toThrow(/distinct depths/);
  });
});
