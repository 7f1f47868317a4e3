import type { MatmulOptions } from '../backend/backend.ts';
import { checkMatmulOperands } from '../backend/check-operands.ts';
import { type FloatArray, Matrix } from '../matrix/matrix.ts';
import { gemmNT, transposeData } from './gemm-nt.ts';

/**
 * Synchronous float64 matrix product C = α·op(A)·op(B), op = identity or transpose: the computation behind
 * `cpuBackend().matmul`, for code that needs a product without a backend (small solves, spectral formulas).
 * Runs on {@link gemmNT} (every inner loop a contiguous dot product).
 *
 * @param a - m×k (k×m with `transposeA`).
 * @param b - k×n (n×k with `transposeB`).
 * @param options - Transposes and scale α (default 1).
 * @returns C, m×n, float64.
 * @throws {ShapeError} If the inner dimensions differ. {@link ArgumentTypeError} for a non-matrix.
 * @example
 * ```ts
 * matmul(Matrix.fromRows([[1, 2]]), Matrix.fromRows([[3], [4]])).get(0, 0); // 11
 * ```
 */
export function matmul(a: Matrix<FloatArray>, b: Matrix<FloatArray>, options: MatmulOptions = {}): Matrix {
  const { m, k, n } = checkMatmulOperands('matmul', a, b, options);
  const A = options.transposeA ? transposeData(a.data, a.rows, a.cols) : a.data;
  const Bt = options.transposeB ? b.data : transposeData(b.data, b.rows, b.cols);
  return new Matrix(m, n, gemmNT(A, Bt, m, n, k, options.alpha ?? 1, false));
}
