import { Matrix } from '@ntk/core';

/**
 * Scales row i of a matrix by s[i] (a copy): diag(s)·A.
 *
 * @param s - Length m.
 * @param a - m×n.
 * @returns diag(s)·A.
 */
export function scaleRows(s: Float64Array, a: Matrix): Matrix {
  const out = new Float64Array(a.data.length);
  const n = a.cols;
  for (let i = 0; i < a.rows; i++) {
    const f = s[i] as number;
    for (let j = 0; j < n; j++) out[i * n + j] = f * (a.data[i * n + j] as number);
  }
  return new Matrix(a.rows, n, out);
}

/**
 * A + B (or A − B with sign −1) elementwise.
 *
 * @param a - Left.
 * @param b - Right, same shape.
 * @param sign - +1 or −1.
 * @returns A ± B.
 */
export function addMatrices(a: Matrix, b: Matrix, sign = 1): Matrix {
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (a.data[i] as number) + sign * (b.data[i] as number);
  return new Matrix(a.rows, a.cols, out);
}

/**
 * Frobenius norm ‖A‖_F.
 *
 * @param a - Array of entries.
 * @returns √Σa².
 */
export function frobenius(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (a[i] as number);
  return Math.sqrt(s);
}
