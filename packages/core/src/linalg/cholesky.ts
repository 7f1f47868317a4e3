import { NotPositiveDefiniteError } from '../errors/numerical-error.ts';
import { assertFiniteResult, checkNumber } from '../errors/validate.ts';
import { Matrix } from '../matrix/matrix.ts';
import { checkSquareFinite, checkSymmetric, SYMMETRY_TOLERANCE } from './check-square.ts';

/** Options of {@link cholesky}. */
export interface CholeskyOptions {
  /** Added to the diagonal before factoring (default 0, must be ≥ 0). */
  readonly jitter?: number;
  /** Symmetry tolerance: |a_ij − a_ji| ≤ tol·max|a| is accepted (default 1e-10). */
  readonly symmetryTolerance?: number;
}

/**
 * Cholesky factorisation of a symmetric positive-definite matrix: the lower-triangular L with positive
 * diagonal such that A + jitter·I = L·Lᵀ.
 *
 * Row-oriented (Cholesky–Banachiewicz) on row-major storage with 2×2 register blocks, so every inner loop is a
 * contiguous dot product: L_ij = (a_ij − Σ_{k<j} L_ik L_jk) / L_jj, L_jj = √(a_jj + jitter − Σ_{k<j} L_jk²).
 * Cost n³/3 flops. Only the lower triangle of A is read, after A has been checked to be symmetric.
 *
 * @param a - Symmetric n×n matrix (float64 or float32; computed in float64).
 * @param options - `jitter` (≥ 0, default 0) and `symmetryTolerance` (default 1e-10).
 * @returns L, n×n float64, zero above the diagonal.
 * @throws {ArgumentTypeError} If `a` is not a Matrix or an option is not a number.
 * @throws {ShapeError} If `a` is not square.
 * @throws {ArgumentRangeError} If an entry of `a` is not finite (naming it), `a` is not symmetric, or
 *   `jitter` is negative or not finite.
 * @throws {NotPositiveDefiniteError} If a pivot a_jj + jitter − Σ L_jk² is ≤ 0 (carries its index and value).
 * @throws {NumericalError} If the factor overflows.
 * @example
 * ```ts
 * const l = cholesky(Matrix.fromRows([[4, 2], [2, 3]])); // [[2, 0], [1, √2]]
 * ```
 */
export function cholesky(a: Matrix<Float64Array | Float32Array>, options: CholeskyOptions = {}): Matrix {
  const fn = 'cholesky';
  const A = checkSquareFinite(fn, 'a', a);
  const jitter = checkNumber(fn, 'options.jitter', options.jitter ?? 0, { nonNegative: true });
  const tol = checkNumber(fn, 'options.symmetryTolerance', options.symmetryTolerance ?? SYMMETRY_TOLERANCE, {
    nonNegative: true,
  });
  checkSymmetric(fn, 'a', A, tol);
  const n = A.rows;
  const src = A.data;
  const l = new Float64Array(n * n);
  // Copy the lower triangle (with jitter) into L, then overwrite it in place row pair by row pair.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) l[i * n + j] = src[i * n + j] as number;
    l[i * n + i] = (src[i * n + i] as number) + jitter;
  }
  const pivot = (j: number, s: number): number => {
    if (!(s > 0)) throw new NotPositiveDefiniteError(fn, j, s, jitter);
    return Math.sqrt(s);
  };
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const r0 = i * n;
    const r1 = r0 + n;
    let j = 0;
    for (; j + 1 < i; j += 2) {
      const q0 = j * n;
      const q1 = q0 + n;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let k = 0; k < j; k++) {
        const x0 = l[r0 + k] as number;
        const x1 = l[r1 + k] as number;
        const y0 = l[q0 + k] as number;
        const y1 = l[q1 + k] as number;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      const ljj = l[q0 + j] as number;
      const lj1j = l[q1 + j] as number;
      const lj1j1 = l[q1 + j + 1] as number;
      const a00 = ((l[r0 + j] as number) - s00) / ljj;
      const a10 = ((l[r1 + j] as number) - s10) / ljj;
      l[r0 + j] = a00;
      l[r1 + j] = a10;
      l[r0 + j + 1] = ((l[r0 + j + 1] as number) - s01 - a00 * lj1j) / lj1j1;
      l[r1 + j + 1] = ((l[r1 + j + 1] as number) - s11 - a10 * lj1j) / lj1j1;
    }
    for (; j < i; j++) {
      const q0 = j * n;
      let s0 = 0;
      let s1 = 0;
      for (let k = 0; k < j; k++) {
        const y = l[q0 + k] as number;
        s0 += (l[r0 + k] as number) * y;
        s1 += (l[r1 + k] as number) * y;
      }
      const ljj = l[q0 + j] as number;
      l[r0 + j] = ((l[r0 + j] as number) - s0) / ljj;
      l[r1 + j] = ((l[r1 + j] as number) - s1) / ljj;
    }
    // The 2×2 diagonal block: L_ii, L_{i+1,i}, L_{i+1,i+1}.
    let d0 = 0;
    let d01 = 0;
    let d1 = 0;
    for (let k = 0; k < i; k++) {
      const x0 = l[r0 + k] as number;
      const x1 = l[r1 + k] as number;
      d0 += x0 * x0;
      d01 += x1 * x0;
      d1 += x1 * x1;
    }
    const lii = pivot(i, (l[r0 + i] as number) - d0);
    l[r0 + i] = lii;
    const l10 = ((l[r1 + i] as number) - d01) / lii;
    l[r1 + i] = l10;
    l[r1 + i + 1] = pivot(i + 1, (l[r1 + i + 1] as number) - d1 - l10 * l10);
  }
  if (i < n) {
    const r0 = i * n;
    for (let j = 0; j < i; j++) {
      const q0 = j * n;
      let s = 0;
      for (let k = 0; k < j; k++) s += (l[r0 + k] as number) * (l[q0 + k] as number);
      l[r0 + j] = ((l[r0 + j] as number) - s) / (l[q0 + j] as number);
    }
    let d = 0;
    for (let k = 0; k < i; k++) d += (l[r0 + k] as number) ** 2;
    l[r0 + i] = pivot(i, (l[r0 + i] as number) - d);
  }
  assertFiniteResult(fn, 'the Cholesky factor', l, n);
  return new Matrix(n, n, l);
}
