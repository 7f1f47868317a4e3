import { argumentError } from '../errors/argument-error.ts';
import { ShapeError } from '../errors/shape-error.ts';
import { assertFiniteResult, checkFiniteArray } from '../errors/validate.ts';
import { type FloatArray, Matrix } from '../matrix/matrix.ts';
import { checkFiniteEntries, checkSquareFinite } from './check-square.ts';

/** Options of {@link solveTriangular}. */
export interface TriangularSolveOptions {
  /** `true` (default): the lower triangle of `l` is used; `false`: the upper triangle. The other is not read. */
  readonly lower?: boolean;
  /** `true`: solve op(T)ᵀ·X = B instead of T·X = B (default `false`). */
  readonly transpose?: boolean;
}

/**
 * Solves T·X = B (or Tᵀ·X = B) in place for a triangular T, row-major, X overwriting B (n×m). Internal kernel
 * shared by {@link solveTriangular} and `choleskySolve`; it does not validate.
 *
 * Every inner loop is a contiguous axpy over a row of X (length m), and the transposed cases sweep rows of T
 * ("column-oriented" substitution), so T is always read along its rows.
 *
 * @param t - Triangular n×n, row-major.
 * @param x - Right-hand sides on entry, solution on exit; n×m row-major.
 * @param n - Order of T.
 * @param m - Number of right-hand sides.
 * @param lower - Use the lower triangle of T.
 * @param transpose - Solve with Tᵀ.
 * @example
 * ```ts
 * const x = Float64Array.of(2, 5);
 * solveTriangularInPlace(Float64Array.of(2, 0, 1, 1), x, 2, 1, true, false); // x = [1, 4]
 * ```
 */
export function solveTriangularInPlace(
  t: FloatArray,
  x: Float64Array,
  n: number,
  m: number,
  lower: boolean,
  transpose: boolean,
): void {
  // Effective system: forward substitution when (lower && !transpose) or (!lower && transpose).
  if (!transpose) {
    if (lower) {
      for (let i = 0; i < n; i++) rowSubstitute(t, x, n, m, i, 0, i);
    } else {
      for (let i = n - 1; i >= 0; i--) rowSubstitute(t, x, n, m, i, i + 1, n);
    }
  } else if (lower) {
    // Lᵀ X = B: upper system, backward; after x_i is final, eliminate it from rows k < i using row i of L.
    for (let i = n - 1; i >= 0; i--) columnEliminate(t, x, n, m, i, 0, i);
  } else {
    // Uᵀ X = B: lower system, forward; eliminate x_i from rows k > i using row i of U.
    for (let i = 0; i < n; i++) columnEliminate(t, x, n, m, i, i + 1, n);
  }
}

/** x_i ← (x_i − Σ_{k∈[k0,k1)} t_ik x_k) / t_ii. */
function rowSubstitute(
  t: FloatArray,
  x: Float64Array,
  n: number,
  m: number,
  i: number,
  k0: number,
  k1: number,
): void {
  const ri = i * n;
  const xi = i * m;
  if (m === 1) {
    let s = x[i] as number;
    for (let k = k0; k < k1; k++) s -= (t[ri + k] as number) * (x[k] as number);
    x[i] = s / (t[ri + i] as number);
    return;
  }
  for (let k = k0; k < k1; k++) {
    const c = t[ri + k] as number;
    if (c === 0) continue;
    const xk = k * m;
    for (let j = 0; j < m; j++) x[xi + j] -= c * (x[xk + j] as number);
  }
  const inv = 1 / (t[ri + i] as number);
  for (let j = 0; j < m; j++) x[xi + j] *= inv;
}

/** x_i ← x_i / t_ii, then x_k ← x_k − t_ik x_i for k ∈ [k0, k1). */
function columnEliminate(
  t: FloatArray,
  x: Float64Array,
  n: number,
  m: number,
  i: number,
  k0: number,
  k1: number,
): void {
  const ri = i * n;
  const xi = i * m;
  const inv = 1 / (t[ri + i] as number);
  if (m === 1) {
    const v = (x[i] as number) * inv;
    x[i] = v;
    for (let k = k0; k < k1; k++) x[k] -= (t[ri + k] as number) * v;
    return;
  }
  for (let j = 0; j < m; j++) x[xi + j] *= inv;
  for (let k = k0; k < k1; k++) {
    const c = t[ri + k] as number;
    if (c === 0) continue;
    const xk = k * m;
    for (let j = 0; j < m; j++) x[xk + j] -= c * (x[xi + j] as number);
  }
}

/**
 * Validates the right-hand side(s) of a triangular or Cholesky solve and copies them into float64 storage.
 *
 * @param fn - Calling function.
 * @param n - Order of the system.
 * @param b - A Matrix with n rows, or a Float64Array/Float32Array of length n.
 * @returns The copy and the number of right-hand sides.
 * @throws {ArgumentTypeError} If `b` is neither a Matrix nor a float array.
 * @throws {ShapeError} If `b` does not have n rows (entries).
 * @throws {ArgumentRangeError} Naming the first non-finite entry.
 * @example
 * ```ts
 * const { x, m } = copyRightHandSide('choleskySolve', 2, Float64Array.of(1, 2)); // m = 1
 * ```
 */
export function copyRightHandSide(fn: string, n: number, b: unknown): { x: Float64Array; m: number } {
  if (b instanceof Matrix) {
    if (b.rows !== n) throw new ShapeError(fn, 'b', `${n}×m`, b.shapeText, `b must have ${n} rows`);
    checkFiniteEntries(fn, 'b', b);
    return { x: Float64Array.from(b.data), m: b.cols };
  }
  if (b instanceof Float64Array || b instanceof Float32Array) {
    if (b.length !== n) throw new ShapeError(fn, 'b', `[${n}]`, `[${b.length}]`, `b must have ${n} entries`);
    checkFiniteArray(fn, 'b', b);
    return { x: Float64Array.from(b), m: 1 };
  }
  throw argumentError('type', fn, 'b', 'a Matrix or a Float64Array', b);
}

/**
 * Checks a boolean option.
 *
 * @param fn - Calling function.
 * @param argument - Option name.
 * @param value - Value (undefined gives the default).
 * @param fallback - Default.
 * @returns The boolean.
 */
function checkBoolean(fn: string, argument: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw argumentError('type', fn, argument, 'a boolean', value);
  return value;
}

/**
 * Checks that a triangular matrix has a non-zero diagonal (is nonsingular).
 *
 * @param fn - Calling function.
 * @param argument - Argument name.
 * @param t - Square matrix.
 * @throws {ArgumentRangeError} Naming the first zero diagonal entry.
 * @example
 * ```ts
 * checkNonsingularDiagonal('solveTriangular', 'l', l);
 * ```
 */
export function checkNonsingularDiagonal(fn: string, argument: string, t: Matrix<FloatArray>): void {
  const n = t.rows;
  for (let i = 0; i < n; i++) {
    if (t.data[i * n + i] === 0) {
      throw argumentError('range', fn, `${argument}[${i}][${i}]`, 'non-zero (a nonsingular triangle)', 0);
    }
  }
}

/**
 * Solves a triangular system T·X = B, or Tᵀ·X = B, by forward or backward substitution:
 * for lower T, x_i = (b_i − Σ_{k<i} t_ik x_k) / t_ii.
 *
 * `b` is either a Matrix of right-hand sides (n×m; the result is an n×m Matrix) or a vector as a
 * `Float64Array`/`Float32Array` of length n (the result is a `Float64Array`). Only the triangle named by
 * `lower` is read, so a full Cholesky factor, or a matrix holding junk in the other half, can be passed.
 * Cost n²·m flops.
 *
 * @param l - Square triangular matrix T, nonsingular.
 * @param b - Right-hand sides: Matrix with n rows, or a vector of length n.
 * @param options - `lower` (default `true`) and `transpose` (default `false`).
 * @returns X, of the same kind as `b`, in float64.
 * @throws {ArgumentTypeError} If `l` is not a Matrix, `b` is neither a Matrix nor a float array, or an option
 *   is not a boolean.
 * @throws {ShapeError} If `l` is not square or `b` does not have n rows.
 * @throws {ArgumentRangeError} If an entry of `l` or `b` is not finite, or a diagonal entry of `l` is 0.
 * @throws {NumericalError} If the solution overflows.
 * @example
 * ```ts
 * const l = Matrix.fromRows([[2, 0], [1, 1]]);
 * solveTriangular(l, Float64Array.of(2, 5)); // Float64Array [1, 4]
 * solveTriangular(l, Float64Array.of(2, 5), { transpose: true }); // Lᵀx = b: [-1.5, 5]
 * ```
 */
export function solveTriangular(
  l: Matrix<FloatArray>,
  b: Matrix<FloatArray>,
  options?: TriangularSolveOptions,
): Matrix;
export function solveTriangular(
  l: Matrix<FloatArray>,
  b: Float64Array | Float32Array,
  options?: TriangularSolveOptions,
): Float64Array;
export function solveTriangular(
  l: Matrix<FloatArray>,
  b: Matrix<FloatArray> | Float64Array | Float32Array,
  options: TriangularSolveOptions = {},
): Matrix | Float64Array {
  const fn = 'solveTriangular';
  const t = checkSquareFinite(fn, 'l', l);
  const lower = checkBoolean(fn, 'options.lower', options.lower, true);
  const transpose = checkBoolean(fn, 'options.transpose', options.transpose, false);
  const n = t.rows;
  const { x, m } = copyRightHandSide(fn, n, b);
  checkNonsingularDiagonal(fn, 'l', t);
  solveTriangularInPlace(t.data, x, n, m, lower, transpose);
  assertFiniteResult(fn, 'the solution', x, m);
  return b instanceof Matrix ? new Matrix(n, m, x) : x;
}
