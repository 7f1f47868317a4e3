import { argumentError } from '../errors/argument-error.ts';
import { ShapeError } from '../errors/shape-error.ts';
import { checkMatrix, type FloatArray, type Matrix } from '../matrix/matrix.ts';

/** Default relative tolerance of {@link checkSymmetric}. */
export const SYMMETRY_TOLERANCE = 1e-10;

/**
 * Checks that `value` is a square {@link Matrix} with finite entries; shared by the linear-algebra entry points.
 *
 * @param fn - Calling function, for the message.
 * @param argument - Argument name, for the message.
 * @param value - Value to check.
 * @returns The matrix.
 * @throws {ArgumentTypeError} If it is not a Matrix.
 * @throws {ShapeError} If it is not square.
 * @throws {ArgumentRangeError} Naming the first non-finite entry as `argument[i][j]`.
 * @example
 * ```ts
 * const a = checkSquareFinite('cholesky', 'a', Matrix.identity(3));
 * ```
 */
export function checkSquareFinite(fn: string, argument: string, value: unknown): Matrix<FloatArray> {
  const m = checkMatrix(fn, argument, value);
  if (m.rows !== m.cols) throw new ShapeError(fn, argument, 'n×n (square)', m.shapeText);
  checkFiniteEntries(fn, argument, m);
  return m;
}

/**
 * Rejects a matrix holding NaN or ±Infinity, naming the first bad entry in row-major order.
 *
 * @param fn - Calling function.
 * @param argument - Argument name.
 * @param m - Matrix to scan.
 * @throws {ArgumentRangeError} Naming `argument[i][j]` and its value.
 * @example
 * ```ts
 * checkFiniteEntries('solveTriangular', 'b', b);
 * ```
 */
export function checkFiniteEntries(fn: string, argument: string, m: Matrix<FloatArray>): void {
  const { data, cols } = m;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!Number.isFinite(v)) {
      const where = `${argument}[${Math.floor(i / cols)}][${i % cols}]`;
      throw argumentError('range', fn, where, 'finite', v);
    }
  }
}

/**
 * Checks that a square matrix is symmetric to a tolerance relative to its largest entry:
 * |a_ij − a_ji| ≤ tol · max_kl |a_kl| for all i > j. Normwise, like the backward errors of the
 * factorisations that rely on it, so rounding in small entries of a computed kernel matrix is accepted.
 *
 * @param fn - Calling function.
 * @param argument - Argument name.
 * @param m - Square matrix with finite entries.
 * @param tol - Relative tolerance (default {@link SYMMETRY_TOLERANCE}).
 * @throws {ArgumentRangeError} Naming the first asymmetric pair, its two values and the tolerance.
 * @example
 * ```ts
 * checkSymmetric('eigh', 'a', a);
 * ```
 */
export function checkSymmetric(
  fn: string,
  argument: string,
  m: Matrix<FloatArray>,
  tol: number = SYMMETRY_TOLERANCE,
): void {
  const { data, rows: n } = m;
  let maxAbs = 0;
  for (let i = 0; i < data.length; i++) maxAbs = Math.max(maxAbs, Math.abs(data[i] as number));
  const bound = tol * maxAbs;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const x = data[i * n + j] as number;
      const y = data[j * n + i] as number;
      if (Math.abs(x - y) > bound) {
        throw argumentError(
          'range',
          fn,
          argument,
          `a symmetric matrix (|a[i][j] − a[j][i]| ≤ ${tol}·max|a| = ${bound})`,
          `a[${i}][${j}] = ${x} but a[${j}][${i}] = ${y}`,
        );
      }
    }
  }
}
