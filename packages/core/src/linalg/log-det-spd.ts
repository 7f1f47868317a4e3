import type { FloatArray, Matrix } from '../matrix/matrix.ts';
import { type CholeskyOptions, cholesky } from './cholesky.ts';
import { logDet } from './log-det.ts';

/**
 * Log-determinant of a symmetric positive-definite matrix: log det(A + jitter·I) = 2·Σᵢ log L_ii with L its
 * Cholesky factor. Used for Gaussian-process marginal likelihoods of NNGP/NTK kernels.
 *
 * @param a - Symmetric positive-definite n×n matrix.
 * @param options - As for `cholesky` (`jitter`, `symmetryTolerance`).
 * @returns log det(A + jitter·I).
 * @throws {ArgumentTypeError} If `a` is not a Matrix.
 * @throws {ShapeError} If `a` is not square.
 * @throws {ArgumentRangeError} If an entry is not finite or `a` is not symmetric.
 * @throws {NotPositiveDefiniteError} If `a + jitter·I` is not positive definite. Errors come from the
 *   factorisation and so name `cholesky`.
 * @example
 * ```ts
 * logDetSpd(Matrix.fromRows([[2, 0], [0, 3]])); // log 6
 * ```
 */
export function logDetSpd(a: Matrix<FloatArray>, options: CholeskyOptions = {}): number {
  return logDet(cholesky(a, options));
}
