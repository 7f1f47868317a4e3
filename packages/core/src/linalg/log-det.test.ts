import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wellConditionedSpd } from '../../bench/matrices.ts';
import { ArgumentRangeError, ArgumentTypeError } from '../errors/argument-error.ts';
import { NotPositiveDefiniteError } from '../errors/numerical-error.ts';
import { ShapeError } from '../errors/shape-error.ts';
import { Matrix } from '../matrix/matrix.ts';
import { cholesky } from './cholesky.ts';
import { eigh } from './eigh.ts';
import { logDet } from './log-det.ts';
import { logDetSpd } from './log-det-spd.ts';

const SEED = 5;

describe('logDet and logDetSpd', () => {
  // Two independent routes: 2·Σ log L_ii and Σ log λ_i. Each eigenvalue is accurate to ~n·ε·‖A‖ and
  // λ_min ≥ n (A = B·Bᵀ + n·I), so |Δ log λ_i| ≲ n·ε·κ ≲ 1e-13 and the sums agree to ≲ n·1e-13; 1e-10
  // relative to |log det| (which is ≥ n·log n) is a safe bound.
  it(`logDet(cholesky(a)) and logDetSpd(a) equal Σ log λ_i from eigh(a) (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(1_000_000), (n, s) => {
        const a = wellConditionedSpd(s, n);
        const { values } = eigh(a);
        const ref = values.reduce((acc, v) => acc + Math.log(v), 0);
        const ld = logDet(cholesky(a));
        expect(Math.abs(ld - ref)).toBeLessThan(1e-10 * Math.abs(ref) + 1e-12);
        expect(logDetSpd(a)).toBe(ld);
      }),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('logDet never overflows: log det(1e200·I₁₀) = 10·log 1e200', () => {
    const a = Matrix.identity(10);
    for (let i = 0; i < 10; i++) a.set(i, i, 1e200);
    expect(logDetSpd(a)).toBeCloseTo(10 * Math.log(1e200), 10);
    expect(logDet(Matrix.zeros(0, 0))).toBe(0);
  });

  it('logDetSpd(a, { jitter }) is log det(A + jitter·I)', () => {
    expect(
      logDetSpd(
        Matrix.fromRows([
          [1, 1],
          [1, 1],
        ]),
        { jitter: 1 },
      ),
    ).toBeCloseTo(Math.log(3), 14);
  });

  it('logDet rejects a non-Matrix, a non-square matrix and non-finite entries', () => {
    expect(() => logDet('l' as unknown as Matrix)).toThrow(ArgumentTypeError);
    expect(() => logDet(Matrix.zeros(2, 1))).toThrow(ShapeError);
    expect(() => logDet(Matrix.fromRows([[Number.NaN]]))).toThrow('`l[0][0]` must be finite');
  });

  it('logDet rejects a factor with a non-positive diagonal entry', () => {
    expect(() =>
      logDet(
        Matrix.fromRows([
          [1, 0],
          [0, -2],
        ]),
      ),
    ).toThrow(ArgumentRangeError);
    expect(() =>
      logDet(
        Matrix.fromRows([
          [1, 0],
          [0, -2],
        ]),
      ),
    ).toThrow('`l[1][1]` must be > 0 (a Cholesky factor)');
  });

  it('logDetSpd rejects bad input like cholesky does', () => {
    expect(() => logDetSpd({} as Matrix)).toThrow(ArgumentTypeError);
    expect(() => logDetSpd(Matrix.zeros(1, 2))).toThrow(ShapeError);
    expect(() => logDetSpd(Matrix.fromRows([[Number.NaN]]))).toThrow(ArgumentRangeError);
    expect(() =>
      logDetSpd(
        Matrix.fromRows([
          [1, 2],
          [0, 1],
        ]),
      ),
    ).toThrow(/symmetric/);
    expect(() => logDetSpd(Matrix.fromRows([[-1]]))).toThrow(NotPositiveDefiniteError);
  });
});
