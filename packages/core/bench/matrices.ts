// Random test and benchmark matrices, shared by bench/run.ts and the linear-algebra tests (src/linalg/*.test.ts).
// Not part of the published package.
import { key, Matrix, normal } from '../src/index.ts';

/**
 * An r×c matrix of i.i.d. standard normals drawn from `key(seed)`.
 *
 * @param seed - Seed of the key.
 * @param r - Rows.
 * @param c - Columns.
 * @returns The matrix.
 */
export function gaussianMatrix(seed: number, r: number, c: number): Matrix {
  return new Matrix(r, c, normal(key(seed), r * c));
}

/**
 * A well-conditioned SPD matrix B·Bᵀ + n·I with B n×n Gaussian: its eigenvalues lie in [n, n + (2√n)²·(1+o(1))],
 * so κ ≲ 5.
 *
 * @param seed - Seed.
 * @param n - Order.
 * @returns The matrix (exactly symmetric).
 */
export function wellConditionedSpd(seed: number, n: number): Matrix {
  const b = gaussianMatrix(seed, n, n).data;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += (b[i * n + k] as number) * (b[j * n + k] as number);
      a[i * n + j] = s + (i === j ? n : 0);
      a[j * n + i] = a[i * n + j] as number;
    }
  }
  return new Matrix(n, n, a);
}

/**
 * A symmetric matrix G + Gᵀ with G Gaussian (a GOE-like spectrum, eigenvalues spread over ±2√(2n)).
 *
 * @param seed - Seed.
 * @param n - Order.
 * @returns The matrix.
 */
export function randomSymmetric(seed: number, n: number): Matrix {
  const g = gaussianMatrix(seed, n, n).data;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) a[i * n + j] = (g[i * n + j] as number) + (g[j * n + i] as number);
  return new Matrix(n, n, a);
}

/**
 * A random orthogonal matrix: modified Gram–Schmidt, run twice, on the rows of a Gaussian matrix.
 *
 * @param seed - Seed.
 * @param n - Order.
 * @returns Q with Q·Qᵀ = I to ~1e-15.
 */
export function randomOrthogonal(seed: number, n: number): Matrix {
  const q = gaussianMatrix(seed, n, n).data;
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += (q[i * n + k] as number) * (q[j * n + k] as number);
        for (let k = 0; k < n; k++) q[i * n + k] -= s * (q[j * n + k] as number);
      }
      let s = 0;
      for (let k = 0; k < n; k++) s += (q[i * n + k] as number) ** 2;
      const inv = 1 / Math.sqrt(s);
      for (let k = 0; k < n; k++) q[i * n + k] *= inv;
    }
  }
  return new Matrix(n, n, q);
}

/**
 * Q·diag(λ)·Qᵀ, symmetrised exactly.
 *
 * @param q - Orthogonal n×n.
 * @param lambda - Spectrum.
 * @returns The matrix.
 */
export function withSpectrum(q: Matrix, lambda: ArrayLike<number>): Matrix {
  const n = q.rows;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q.get(i, k) * (lambda[k] as number) * q.get(j, k);
      a[i * n + j] = s;
      a[j * n + i] = s;
    }
  }
  return new Matrix(n, n, a);
}

/**
 * Naive triple-loop product α·A·Bᵀ of row-major arrays (the independent reference for `gemmNT`).
 *
 * @param a - m×k.
 * @param b - n×k.
 * @param m - Rows of A.
 * @param n - Rows of B.
 * @param k - Inner dimension.
 * @param alpha - Scale.
 * @returns m×n.
 */
export function naiveNT(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  m: number,
  n: number,
  k: number,
  alpha = 1,
): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += (a[i * k + p] as number) * (b[j * k + p] as number);
      c[i * n + j] = alpha * s;
    }
  }
  return c;
}

/**
 * max |x − y| / max |y| (0 when both are 0).
 *
 * @param x - Computed.
 * @param y - Reference.
 * @returns The relative error in the max norm.
 */
export function relativeError(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < y.length; i++) {
    num = Math.max(num, Math.abs((x[i] as number) - (y[i] as number)));
    den = Math.max(den, Math.abs(y[i] as number));
  }
  return den === 0 ? num : num / den;
}
