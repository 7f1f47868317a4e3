import { Matrix } from '@ntk/core';

/**
 * C = A·B for float64 row-major matrices (i-k-j loop order, contiguous inner loop).
 *
 * @param a - m×k.
 * @param b - k×n.
 * @returns m×n.
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  const m = a.rows;
  const k = a.cols;
  const n = b.cols;
  const out = new Float64Array(m * n);
  const A = a.data;
  const B = b.data;
  for (let i = 0; i < m; i++) {
    const ro = i * n;
    for (let p = 0; p < k; p++) {
      const s = A[i * k + p] as number;
      if (s === 0) continue;
      const rb = p * n;
      for (let j = 0; j < n; j++) out[ro + j] = (out[ro + j] as number) + s * (B[rb + j] as number);
    }
  }
  return new Matrix(m, n, out);
}

/**
 * C = Aᵀ·B for float64 row-major matrices.
 *
 * @param a - k×m.
 * @param b - k×n.
 * @returns m×n.
 */
export function matmulTN(a: Matrix, b: Matrix): Matrix {
  const k = a.rows;
  const m = a.cols;
  const n = b.cols;
  const out = new Float64Array(m * n);
  const A = a.data;
  const B = b.data;
  for (let p = 0; p < k; p++) {
    const rb = p * n;
    for (let i = 0; i < m; i++) {
      const s = A[p * m + i] as number;
      if (s === 0) continue;
      const ro = i * n;
      for (let j = 0; j < n; j++) out[ro + j] = (out[ro + j] as number) + s * (B[rb + j] as number);
    }
  }
  return new Matrix(m, n, out);
}

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
