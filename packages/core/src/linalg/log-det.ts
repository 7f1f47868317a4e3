import { argumentError } from '../errors/argument-error.ts';
import type { FloatArray, Matrix } from '../matrix/matrix.ts';
import { checkSquareFinite } from './check-square.ts';

/**
 * Log-determinant of A from its Cholesky factor L (A = L·Lᵀ): log det A = 2·Σᵢ log L_ii.
 * Never forms det A, so it neither overflows nor underflows for large N.
 *
 * @param l - Cholesky factor (n×n, lower-triangular, positive diagonal); only the diagonal is used.
 * @returns log det(L·Lᵀ) (0 for n = 0).
 * @throws {ArgumentTypeError} If `l` is not a Matrix.
 * @throws {ShapeError} If `l` is not square.
 * @throws {ArgumentRangeError} If an entry is not finite, or a diagonal entry is ≤ 0 (not a Cholesky factor).
 * @example
 * ```ts
 * logDet(cholesky(Matrix.fromRows([[4, 2], [2, 3]]))); // log 8
 * ```
 */
export function logDet(l: Matrix<FloatArray>): number {
  const fn = 'logDet';
  const t = checkSquareFinite(fn, 'l', l);
  const n = t.rows;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = t.data[i * n + i] as number;
    if (!(d > 0)) throw argumentError('range', fn, `l[${i}][${i}]`, '> 0 (a Cholesky factor)', d);
    s += Math.log(d);
  }
  return 2 * s;
}
