import { describe, expect, it } from 'vitest';
import { big, erfBig, erfcBig } from '../../test/big-reference.ts';
import { erf, erfc } from './erf.ts';

const EPS = 2 ** -52;

describe('erf(x) and erfc(x) against the 60-digit reference', () => {
  // Tolerance: ε·(4|F| + |x F'(x)|), the float64 rounding of the result plus that of the input (see
  // definitions.test.ts). Cody's approximations are accurate to ≈ 1e-16 relative on each interval.
  const points = Array.from({ length: 321 }, (_, i) => -8 + i * 0.05 + 1e-3);
  it('erf(x) on [−8, 8]', () => {
    for (const x of [0, 1e-300, -1e-20, 0.46875, 0.46876, 4, 4.0001, ...points]) {
      const ref = erfBig(big(x)).toNumber();
      const slope = (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x);
      expect(Math.abs(erf(x) - ref), `x = ${x}`).toBeLessThanOrEqual(
        EPS * (4 * Math.abs(ref) + Math.abs(x * slope)),
      );
    }
  });

  it('erfc(x) on [−8, 26.5], relative also deep in the upper tail', () => {
    const tail = Array.from({ length: 60 }, (_, i) => 8 + i * 0.31);
    for (const x of [0, 0.46875, 4, 26.5, ...points, ...tail]) {
      const ref = erfcBig(big(x)).toNumber();
      const slope = (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x);
      expect(Math.abs(erfc(x) - ref), `x = ${x}`).toBeLessThanOrEqual(
        EPS * (4 * Math.abs(ref) + Math.abs(x * slope)),
      );
    }
  });

  it('erf and erfc handle ±Infinity, NaN and underflow', () => {
    expect(erf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(erf(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(erfc(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfc(Number.NEGATIVE_INFINITY)).toBe(2);
    expect(erf(Number.NaN)).toBeNaN();
    expect(erfc(Number.NaN)).toBeNaN();
    expect(erfc(27)).toBe(0);
    expect(erf(-0)).toBe(-0);
  });
});
