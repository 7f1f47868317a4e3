import { assertFiniteResult } from '../errors/validate.ts';
import { type FloatArray, Matrix } from '../matrix/matrix.ts';
import { checkSquareFinite } from './check-square.ts';
import { checkNonsingularDiagonal, copyRightHandSide, solveTriangularInPlace } from './solve-triangular.ts';

/**
 * Solves A·X = B given the Cholesky factor L of A (A = L·Lᵀ, from `cholesky`): first L·Y = B by forward
 * substitution, then Lᵀ·X = Y by backward substitution. Cost 2n²·m flops. Only the lower triangle of `l`
 * is read.
 *
 * @param l - Lower-triangular Cholesky factor, n×n, with non-zero diagonal.
 * @param b - Right-hand sides: a Matrix with n rows (result: Matrix) or a vector of length n (result:
 *   `Float64Array`).
 * @returns X = A⁻¹·B in float64, of the same kind as `b`.
 * @throws {ArgumentTypeError} If `l` is not a Matrix or `b` is neither a Matrix nor a float array.
 * @throws {ShapeError} If `l` is not square or `b` does not have n rows.
 * @throws {ArgumentRangeError} If an entry of `l` or `b` is not finite, or a diagonal entry of `l` is 0.
 * @throws {NumericalError} If the solution overflows.
 * @example
 * ```ts
 * const a = Matrix.fromRows([[4, 2], [2, 3]]);
 * choleskySolve(cholesky(a), Float64Array.of(6, 5)); // Float64Array [1, 1]
 * ```
 */
export function choleskySolve(l: Matrix<FloatArray>, b: Matrix<FloatArray>): Matrix;
export function choleskySolve(l: Matrix<FloatArray>, b: Float64Array | Float32Array): Float64Array;
export function choleskySolve(
  l: Matrix<FloatArray>,
  b: Matrix<FloatArray> | Float64Array | Float32Array,
): Matrix | Float64Array {
  const fn = 'choleskySolve';
  const t = checkSquareFinite(fn, 'l', l);
  const n = t.rows;
  const { x, m } = copyRightHandSide(fn, n, b);
  checkNonsingularDiagonal(fn, 'l', t);
  solveTriangularInPlace(t.data, x, n, m, true, false);
  solveTriangularInPlace(t.data, x, n, m, true, true);
  assertFiniteResult(fn, 'the solution', x, m);
  return b instanceof Matrix ? new Matrix(n, m, x) : x;
}
