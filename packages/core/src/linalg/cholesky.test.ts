import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  naiveNT,
  randomOrthogonal,
  relativeError,
  wellConditionedSpd,
  withSpectrum,
} from '../../bench/matrices.ts';
import { ArgumentRangeError, ArgumentTypeError } from '../errors/argument-error.ts';
import { NotPositiveDefiniteError } from '../errors/numerical-error.ts';
import { ShapeError } from '../errors/shape-error.ts';
import { Matrix } from '../matrix/matrix.ts';
import { cholesky } from './cholesky.ts';

// Backward stability of Cholesky: ‖A − L·Lᵀ‖ ≤ c·n·ε·‖A‖ with c small, so for n ≤ 45 the relative error is
// ≲ 1e-14; 1e-10 leaves a wide margin but still fails on any indexing or update error (those give O(1)).
const SEED = 42;

describe('cholesky', () => {
  it(`cholesky(a) reconstructs A = L·Lᵀ with L lower-triangular, positive diagonal (fast-check seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 45 }), fc.nat(1_000_000), (n, s) => {
        const a = wellConditionedSpd(s, n);
        const l = cholesky(a);
        for (let i = 0; i < n; i++) {
          expect(l.get(i, i)).toBeGreaterThan(0);
          for (let j = i + 1; j < n; j++) expect(l.get(i, j)).toBe(0);
        }
        expect(relativeError(naiveNT(l.data, l.data, n, n, n), a.data)).toBeLessThan(1e-10);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('cholesky(a) of a 2×2 matrix matches the closed form', () => {
    const l = cholesky(
      Matrix.fromRows([
        [4, 2],
        [2, 3],
      ]),
    );
    expect(Array.from(l.data)).toEqual([2, 0, 1, Math.SQRT2]);
  });

  it('cholesky(a) handles n = 0 and n = 1, and float32 input', () => {
    expect(cholesky(Matrix.zeros(0, 0)).shape).toEqual([0, 0]);
    expect(Array.from(cholesky(Matrix.fromRows([[9]])).data)).toEqual([3]);
    const l = cholesky(
      Matrix.fromRows([
        [4, 2],
        [2, 3],
      ]).toFloat32(),
    );
    expect(l.data).toBeInstanceOf(Float64Array);
    expect(l.get(1, 1)).toBeCloseTo(Math.SQRT2, 6);
  });

  it('cholesky(a, { jitter }) factors A + jitter·I, making a singular PSD matrix factorable', () => {
    // A = Q·diag(0, 0, 1, 2, 3)·Qᵀ is PSD of rank 3: without jitter a pivot is ≈ 0 (up to rounding) and
    // the factorisation fails or is meaningless; with jitter 1e-6 it is SPD with κ ≈ 3e6.
    const n = 5;
    const a = withSpectrum(randomOrthogonal(7, n), [0, 0, 1, 2, 3]);
    const jitter = 1e-6;
    const l = cholesky(a, { jitter });
    const shifted = a.data.map((v, i) => (i % (n + 1) === 0 ? v + jitter : v));
    expect(relativeError(naiveNT(l.data, l.data, n, n, n), shifted)).toBeLessThan(1e-10);
    // An exactly singular matrix (rank 1) fails without jitter, naming pivot 1.
    const ones = Matrix.fromRows([
      [1, 1],
      [1, 1],
    ]);
    expect(() => cholesky(ones)).toThrow(NotPositiveDefiniteError);
    expect(cholesky(ones, { jitter: 1e-8 }).get(1, 1)).toBeCloseTo(Math.sqrt(1e-8 * 2), 10);
  });

  it('cholesky(a) throws NotPositiveDefiniteError naming the failing pivot of an indefinite matrix', () => {
    // L00 = 2, L10 = 1, L11 = √2, L20 = 0, L21 = 1/√2: pivots 4 and 2 are positive, pivot 2 is negative.
    const a = Matrix.fromRows([
      [4, 2, 0],
      [2, 3, 1],
      [0, 1, -5],
    ]);
    let err: unknown;
    try {
      cholesky(a);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NotPositiveDefiniteError);
    const e = err as NotPositiveDefiniteError;
    expect(e.pivotIndex).toBe(2);
    // Pivot 2 = a22 − L20² − L21² = −5 − 0 − (1/√2)² = −5.5.
    expect(e.pivotValue).toBeCloseTo(-5.5, 12);
    expect(e.message).toMatch(/^cholesky: .*pivot 2 is -5\.5/);
    // The first pivot, odd and even positions (the 2×2 blocking has separate code paths).
    expect(() => cholesky(Matrix.fromRows([[-1]]))).toThrow(/pivot 0 is -1/);
    expect(() =>
      cholesky(
        Matrix.fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toThrow(/pivot 1 is -3/);
  });

  it('cholesky rejects a non-Matrix', () => {
    expect(() => cholesky([[1]] as unknown as Matrix)).toThrow(ArgumentTypeError);
    expect(() => cholesky([[1]] as unknown as Matrix)).toThrow(
      'cholesky: invalid argument. `a` must be a Matrix.',
    );
  });

  it('cholesky rejects a non-square matrix with ShapeError', () => {
    expect(() => cholesky(Matrix.zeros(2, 3))).toThrow(ShapeError);
    expect(() => cholesky(Matrix.zeros(2, 3))).toThrow(/Expected: `n×n \(square\)`. Actual: `2×3`/);
  });

  it('cholesky rejects non-finite entries, naming the first', () => {
    const a = Matrix.fromRows([
      [1, 0],
      [Number.NaN, 1],
    ]);
    expect(() => cholesky(a)).toThrow(ArgumentRangeError);
    expect(() => cholesky(a)).toThrow('`a[1][0]` must be finite. Value: `NaN`.');
  });

  it('cholesky rejects an asymmetric matrix and says so', () => {
    const a = Matrix.fromRows([
      [2, 1],
      [1.001, 2],
    ]);
    expect(() => cholesky(a)).toThrow(ArgumentRangeError);
    expect(() => cholesky(a)).toThrow(/must be a symmetric matrix .*a\[1\]\[0\] = 1.001 but a\[0\]\[1\] = 1/);
    // Within tolerance (relative 1e-13 < 1e-10): accepted; a looser tolerance accepts the first one.
    expect(() =>
      cholesky(
        Matrix.fromRows([
          [2, 1],
          [1 + 1e-13, 2],
        ]),
      ),
    ).not.toThrow();
    expect(() => cholesky(a, { symmetryTolerance: 1e-2 })).not.toThrow();
    // The bound is normwise (tol·max|a|): rounding in a small entry of a large matrix is accepted.
    expect(() =>
      cholesky(
        Matrix.fromRows([
          [1e6, 1e-3],
          [1e-3 + 1e-8, 1],
        ]),
      ),
    ).not.toThrow();
  });

  it('cholesky rejects a negative, non-finite or non-numeric jitter', () => {
    const a = Matrix.identity(2);
    expect(() => cholesky(a, { jitter: -1 })).toThrow(/`options.jitter` must be a number ≥ 0/);
    expect(() => cholesky(a, { jitter: Number.POSITIVE_INFINITY })).toThrow(ArgumentRangeError);
    expect(() => cholesky(a, { jitter: '1' as unknown as number })).toThrow(ArgumentTypeError);
  });
});
