import type { FloatArray } from '../matrix/matrix.ts';

const TILE = 64;

/**
 * The float64 reference kernel behind products and Gram matrices: C = α·A·Bᵀ, all row-major, so every inner
 * loop is a contiguous dot product. Tiled (64×64 blocks of C) with a 2×2 register block; with
 * `symmetric` (B = A) only the lower half is computed and mirrored, halving the work.
 *
 * Cost: 2·m·n·k flops (m·(m+1)·k when symmetric).
 *
 * @param a - m×k, row-major.
 * @param b - n×k, row-major (ignored when `symmetric`).
 * @param m - Rows of A.
 * @param n - Rows of B.
 * @param k - Shared inner dimension.
 * @param alpha - Scale.
 * @param symmetric - Compute A·Aᵀ using one half.
 * @returns C, m×n, float64.
 * @example
 * ```ts
 * gemmNT(Float64Array.of(1, 2), Float64Array.of(3, 4), 1, 1, 2, 1, false); // Float64Array [11]
 * ```
 */
export function gemmNT(
  a: FloatArray,
  b: FloatArray,
  m: number,
  n: number,
  k: number,
  alpha: number,
  symmetric: boolean,
): Float64Array {
  const c = new Float64Array(m * n);
  const B = symmetric ? a : b;
  for (let i0 = 0; i0 < m; i0 += TILE) {
    const i1 = Math.min(m, i0 + TILE);
    const jEnd = symmetric ? i1 : n;
    for (let j0 = 0; j0 < jEnd; j0 += TILE) {
      const j1 = Math.min(jEnd, j0 + TILE);
      let i = i0;
      for (; i + 1 < i1; i += 2) {
        const ra = i * k;
        const rb = ra + k;
        const jStop = symmetric ? Math.min(j1, i + 2) : j1;
        let j = j0;
        for (; j + 1 < jStop; j += 2) {
          const sa = j * k;
          const sb = sa + k;
          let c00 = 0;
          let c01 = 0;
          let c10 = 0;
          let c11 = 0;
          for (let p = 0; p < k; p++) {
            const x0 = a[ra + p] as number;
            const x1 = a[rb + p] as number;
            const y0 = B[sa + p] as number;
            const y1 = B[sb + p] as number;
            c00 += x0 * y0;
            c01 += x0 * y1;
            c10 += x1 * y0;
            c11 += x1 * y1;
          }
          c[i * n + j] = alpha * c00;
          c[i * n + j + 1] = alpha * c01;
          c[(i + 1) * n + j] = alpha * c10;
          c[(i + 1) * n + j + 1] = alpha * c11;
        }
        for (; j < jStop; j++) {
          const sa = j * k;
          let c0 = 0;
          let c1 = 0;
          for (let p = 0; p < k; p++) {
            const y = B[sa + p] as number;
            c0 += (a[ra + p] as number) * y;
            c1 += (a[rb + p] as number) * y;
          }
          c[i * n + j] = alpha * c0;
          c[(i + 1) * n + j] = alpha * c1;
        }
      }
      for (; i < i1; i++) {
        const ra = i * k;
        const jStop = symmetric ? Math.min(j1, i + 1) : j1;
        for (let j = j0; j < jStop; j++) {
          const sa = j * k;
          let s = 0;
          for (let p = 0; p < k; p++) s += (a[ra + p] as number) * (B[sa + p] as number);
          c[i * n + j] = alpha * s;
        }
      }
    }
  }
  if (symmetric) {
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) c[i * n + j] = c[j * n + i] as number;
  }
  return c;
}

/**
 * Transposes a row-major r×c array into a new float64 array (c×r), in cache-friendly blocks.
 *
 * @param x - Source.
 * @param r - Rows.
 * @param c - Columns.
 * @returns The transpose.
 */
export function transposeData(x: FloatArray, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  const T = 32;
  for (let i0 = 0; i0 < r; i0 += T) {
    for (let j0 = 0; j0 < c; j0 += T) {
      const i1 = Math.min(r, i0 + T);
      const j1 = Math.min(c, j0 + T);
      for (let i = i0; i < i1; i++) for (let j = j0; j < j1; j++) out[j * r + i] = x[i * c + j] as number;
    }
  }
  return out;
}
