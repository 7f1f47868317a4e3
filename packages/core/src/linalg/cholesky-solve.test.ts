import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussianMatrix, wellConditionedSpd } from '../../bench/matrices.ts';
import { ArgumentRangeError, ArgumentTypeError } from '../errors/argument-error.ts';
import { ShapeError } from '../errors/shape-error.ts';
import { Matrix } from '../matrix/matrix.ts';
import { cholesky } from './cholesky.ts';
import { choleskySolve } from './cholesky-solve.ts';

const SEED = 11;

describe('choleskySolve', () => {
  // For SPD A with κ ≲ 5 the computed X satisfies (A + δA)·X = B with ‖δA‖ ≲ c·n·ε·‖A‖, so the relative
  // residual ‖A·X − B‖∞ / (‖A‖∞·‖X‖∞) is ≲ 1e-14 for n ≤ 40; 1e-12 is a safe bound.
  it(`choleskySolve(cholesky(a), b) solves A·X = B with a small residual (seed ${SEED})`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(1_000_000),
        (n, m, s) => {
          const a = wellConditionedSpd(s, n);
          const b = gaussianMatrix(s + 1, n, m);
          const l = cholesky(a);
          const x = choleskySolve(l, b);
          const xv = choleskySolve(
            l,
            Float64Array.from({ length: n }, (_, i) => b.get(i, 0)),
          );
          let r = 0;
          let an = 0;
          let xn = 0;
          for (let i = 0; i < n; i++) {
            let rowSum = 0;
            for (let j = 0; j < m; j++) {
              let s2 = 0;
              for (let k = 0; k < n; k++) s2 += a.get(i, k) * x.get(k, j);
              r = Math.max(r, Math.abs(s2 - b.get(i, j)));
              xn = Math.max(xn, Math.abs(x.get(i, j)));
            }
            for (let k = 0; k < n; k++) rowSum += Math.abs(a.get(i, k));
            an = Math.max(an, rowSum);
            expect(xv[i]).toBeCloseTo(x.get(i, 0), 12);
          }
          expect(r / (an * xn)).toBeLessThan(1e-12);
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('choleskySolve(l, b) solves a 2×2 system exactly', () => {
    const l = cholesky(
      Matrix.fromRows([
        [4, 2],
        [2, 3],
      ]),
    );
    const x = choleskySolve(l, Float64Array.of(6, 5));
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(1, 14);
  });

  it('choleskySolve rejects a non-Matrix factor and a b of the wrong kind', () => {
    expect(() => choleskySolve(null as unknown as Matrix, Float64Array.of(1))).toThrow(ArgumentTypeError);
    expect(() => choleskySolve(Matrix.identity(1), 1 as unknown as Float64Array)).toThrow(
      'choleskySolve: invalid argument. `b` must be a Matrix or a Float64Array.',
    );
  });

  it('choleskySolve rejects a non-square factor and a mismatched b', () => {
    expect(() => choleskySolve(Matrix.zeros(1, 2), Float64Array.of(1))).toThrow(ShapeError);
    expect(() => choleskySolve(Matrix.identity(2), Matrix.zeros(1, 2))).toThrow(ShapeError);
  });

  it('choleskySolve rejects non-finite entries and a zero pivot', () => {
    expect(() => choleskySolve(Matrix.identity(2), Float64Array.of(Number.NaN, 0))).toThrow(
      '`b[0]` must be finite',
    );
    expect(() => choleskySolve(Matrix.fromRows([[Number.NaN]]), Float64Array.of(1))).toThrow('`l[0][0]`');
    expect(() => choleskySolve(Matrix.fromRows([[0]]), Float64Array.of(1))).toThrow(ArgumentRangeError);
  });
});
