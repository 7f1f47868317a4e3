import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussianMatrix } from '../../bench/matrices.ts';
import { ArgumentRangeError, ArgumentTypeError } from '../errors/argument-error.ts';
import { NumericalError } from '../errors/numerical-error.ts';
import { ShapeError } from '../errors/shape-error.ts';
import { Matrix } from '../matrix/matrix.ts';
import { solveTriangular } from './solve-triangular.ts';

const SEED = 7;

/** A random triangular matrix with a dominant diagonal (κ small) and junk in the other half. */
function triangular(seed: number, n: number, lower: boolean): Matrix {
  const t = gaussianMatrix(seed, n, n);
  for (let i = 0; i < n; i++) t.set(i, i, 4 + Math.abs(t.get(i, i)));
  // The other triangle holds junk, which must not be read.
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (lower ? j > i : j < i) t.set(i, j, 1e6);
  return t;
}

/** op(T)·X using only the named triangle of T. */
function applyTriangle(
  t: Matrix,
  x: Float64Array,
  m: number,
  lower: boolean,
  transpose: boolean,
): Float64Array {
  const n = t.rows;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const [r, c] = transpose ? [k, i] : [i, k];
      if (lower ? c > r : c < r) continue;
      const v = t.get(r, c);
      for (let j = 0; j < m; j++) out[i * m + j] += v * (x[k * m + j] as number);
    }
  }
  return out;
}

/** Relative residual ‖op(T)·X − B‖∞ / (‖T‖∞·‖X‖∞ + ‖B‖∞) of a solve. */
function residual(
  t: Matrix,
  x: Float64Array,
  b: ArrayLike<number>,
  m: number,
  lower: boolean,
  tr: boolean,
): number {
  const tx = applyTriangle(t, x, m, lower, tr);
  let r = 0;
  let tn = 0;
  let xn = 0;
  let bn = 0;
  for (let i = 0; i < tx.length; i++) {
    r = Math.max(r, Math.abs((tx[i] as number) - (b[i] as number)));
    xn = Math.max(xn, Math.abs(x[i] as number));
    bn = Math.max(bn, Math.abs(b[i] as number));
  }
  for (let i = 0; i < t.rows; i++) {
    let s = 0;
    for (let j = 0; j < t.rows; j++) if (lower ? j <= i : j >= i) s += Math.abs(t.get(i, j));
    tn = Math.max(tn, s);
  }
  return r / (tn * xn + bn);
}

describe('solveTriangular', () => {
  // Substitution is backward stable: (T + δT)·x = b with |δT| ≤ n·ε·|T|, so the relative residual above is
  // ≤ n·ε ≈ 1e-14 for n ≤ 40. 1e-12 is a safe bound that any wrong index or sign violates by orders.
  it(`solveTriangular(l, b, options) has a small residual for all four cases, matrix and vector (seed ${SEED})`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        fc.boolean(),
        fc.nat(1_000_000),
        (n, m, lower, transpose, s) => {
          const t = triangular(s, n, lower);
          const b = gaussianMatrix(s + 1, n, m);
          const x = solveTriangular(t, b, { lower, transpose });
          expect(x.shape).toEqual([n, m]);
          expect(residual(t, x.data, b.data, m, lower, transpose)).toBeLessThan(1e-12);
          const bv = b.data.slice(0, n).map((_, i) => b.get(i, 0));
          const xv = solveTriangular(t, bv, { lower, transpose });
          expect(xv).toBeInstanceOf(Float64Array);
          expect(residual(t, xv, bv, 1, lower, transpose)).toBeLessThan(1e-12);
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('solveTriangular(l, b) solves a 2×2 system exactly', () => {
    const l = Matrix.fromRows([
      [2, 0],
      [1, 1],
    ]);
    expect(Array.from(solveTriangular(l, Float64Array.of(2, 5)))).toEqual([1, 4]);
    expect(Array.from(solveTriangular(l, Float64Array.of(2, 5), { transpose: true }))).toEqual([-1.5, 5]);
    const u = Matrix.fromRows([
      [2, 1],
      [0, 1],
    ]);
    expect(Array.from(solveTriangular(u, Float64Array.of(3, 1), { lower: false }))).toEqual([1, 1]);
  });

  it('solveTriangular handles n = 0 and float32 right-hand sides', () => {
    expect(solveTriangular(Matrix.zeros(0, 0), Matrix.zeros(0, 3)).shape).toEqual([0, 3]);
    expect(Array.from(solveTriangular(Matrix.fromRows([[2]]), Float32Array.of(3)))).toEqual([1.5]);
  });

  it('solveTriangular rejects a non-Matrix l and a b of the wrong kind', () => {
    expect(() => solveTriangular({} as Matrix, Float64Array.of(1))).toThrow(ArgumentTypeError);
    expect(() => solveTriangular(Matrix.identity(1), [1] as unknown as Float64Array)).toThrow(
      'solveTriangular: invalid argument. `b` must be a Matrix or a Float64Array. Value: `[1]`.',
    );
  });

  it('solveTriangular rejects a non-square l and a b of the wrong length or row count', () => {
    expect(() => solveTriangular(Matrix.zeros(2, 3), Float64Array.of(1, 2))).toThrow(ShapeError);
    expect(() => solveTriangular(Matrix.identity(2), Float64Array.of(1, 2, 3))).toThrow(
      /`b` \(b must have 2 entries\). Expected: `\[2\]`. Actual: `\[3\]`/,
    );
    expect(() => solveTriangular(Matrix.identity(2), Matrix.zeros(3, 1))).toThrow(ShapeError);
  });

  it('solveTriangular rejects non-finite entries in l or b, naming the first', () => {
    const l = Matrix.fromRows([
      [1, 0],
      [Number.POSITIVE_INFINITY, 1],
    ]);
    expect(() => solveTriangular(l, Float64Array.of(1, 1))).toThrow('`l[1][0]` must be finite');
    expect(() => solveTriangular(Matrix.identity(2), Float64Array.of(1, Number.NaN))).toThrow(
      '`b[1]` must be finite',
    );
    expect(() => solveTriangular(Matrix.identity(2), Matrix.fromRows([[1], [Number.NaN]]))).toThrow(
      '`b[1][0]` must be finite',
    );
  });

  it('solveTriangular rejects a singular triangle (zero diagonal entry)', () => {
    const l = Matrix.fromRows([
      [1, 0],
      [1, 0],
    ]);
    expect(() => solveTriangular(l, Float64Array.of(1, 1))).toThrow(ArgumentRangeError);
    expect(() => solveTriangular(l, Float64Array.of(1, 1))).toThrow('`l[1][1]` must be non-zero');
  });

  it('solveTriangular rejects non-boolean options', () => {
    const l = Matrix.identity(1);
    expect(() => solveTriangular(l, Float64Array.of(1), { lower: 1 as unknown as boolean })).toThrow(
      '`options.lower` must be a boolean',
    );
    expect(() => solveTriangular(l, Float64Array.of(1), { transpose: 'yes' as unknown as boolean })).toThrow(
      ArgumentTypeError,
    );
  });

  it('solveTriangular reports an overflowing solution as NumericalError', () => {
    expect(() => solveTriangular(Matrix.fromRows([[1e-300]]), Float64Array.of(1e300))).toThrow(
      NumericalError,
    );
  });
});
