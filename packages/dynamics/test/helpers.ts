import { foldIn, type Key, Matrix, normal } from '@ntk/core';

/**
 * A random symmetric PSD kernel F·Fᵀ/p + shift·I with F ~ N(0, 1)^{n×p} (rank min(n, p) before the shift).
 *
 * @param k - Key.
 * @param n - Size.
 * @param p - Feature count.
 * @param shift - Diagonal shift.
 * @returns The kernel and the features.
 */
export function randomKernel(k: Key, n: number, p: number, shift: number): { K: Matrix; F: Matrix } {
  const F = new Matrix(n, p, normal(k, n * p));
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let q = 0; q < p; q++) s += (F.data[i * p + q] as number) * (F.data[j * p + q] as number);
      K[i * n + j] = s / p + (i === j ? shift : 0);
    }
  }
  return { K: new Matrix(n, n, K), F };
}

/**
 * Cross kernel Fa·Fbᵀ/p between two feature sets.
 *
 * @param a - Features, m×p.
 * @param b - Features, n×p.
 * @returns m×n.
 */
export function crossKernel(a: Matrix, b: Matrix): Matrix {
  const p = a.cols;
  const out = new Float64Array(a.rows * b.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.rows; j++) {
      let s = 0;
      for (let q = 0; q < p; q++) s += (a.data[i * p + q] as number) * (b.data[j * p + q] as number);
      out[i * b.rows + j] = s / p;
    }
  }
  return new Matrix(a.rows, b.rows, out);
}

/**
 * A random N×O matrix with N(0, 1) entries.
 *
 * @param k - Key.
 * @param rows - N.
 * @param cols - O.
 * @param salt - Folded into the key.
 * @returns The matrix.
 */
export function randomMatrix(k: Key, rows: number, cols: number, salt = 0): Matrix {
  return new Matrix(rows, cols, normal(foldIn(k, salt), rows * cols));
}

/** Plain dense product, the test's own reference. */
export function mul(a: Matrix, b: Matrix): Matrix {
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++)
    for (let p = 0; p < a.cols; p++)
      for (let j = 0; j < b.cols; j++)
        out[i * b.cols + j] =
          (out[i * b.cols + j] as number) +
          (a.data[i * a.cols + p] as number) * (b.data[p * b.cols + j] as number);
  return new Matrix(a.rows, b.cols, out);
}

/** max |a − b| / max(1, max |b|). */
export function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  let s = 1;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs((a[i] as number) - (b[i] as number)));
    s = Math.max(s, Math.abs(b[i] as number));
  }
  return d / s;
}
