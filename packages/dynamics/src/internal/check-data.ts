import { argumentError, checkFiniteArray, checkMatrix, type Matrix, ShapeError } from '@ntk/core';

/**
 * Checks a square, finite, non-empty kernel matrix and returns it as float64.
 *
 * @param fn - Calling function.
 * @param argument - Argument name.
 * @param value - Candidate.
 * @returns The kernel, float64.
 * @throws {ArgumentTypeError} If not a Matrix. {@link @ntk/core!ShapeError} If not square.
 *   {@link @ntk/core!ArgumentRangeError} If empty or with a non-finite entry.
 */
export function checkSquareKernel(fn: string, argument: string, value: unknown): Matrix {
  const k = checkMatrix(fn, argument, value);
  if (k.rows !== k.cols)
    throw new ShapeError(fn, argument, 'N×N', k.shapeText, 'a square train-train kernel');
  if (k.rows === 0) throw argumentError('range', fn, argument, 'a non-empty N×N kernel (N ≥ 1)', k.shapeText);
  checkFiniteArray(fn, `${argument}.data`, k.data);
  return k.toFloat64();
}

/**
 * Checks a finite matrix of a given row count (and column count, when given) and returns it as float64.
 *
 * @param fn - Calling function.
 * @param argument - Argument name.
 * @param value - Candidate.
 * @param rows - Required row count.
 * @param cols - Required column count (omitted: any ≥ 1).
 * @param what - Words for the shape, used in the message.
 * @returns The matrix, float64.
 * @throws {ArgumentTypeError} If not a Matrix. {@link @ntk/core!ShapeError} On a shape mismatch.
 *   {@link @ntk/core!ArgumentRangeError} On a non-finite entry.
 */
export function checkFiniteMatrix(
  fn: string,
  argument: string,
  value: unknown,
  rows: number,
  cols: number | null,
  what: string,
): Matrix {
  const m = checkMatrix(fn, argument, value);
  if (m.rows !== rows || (cols !== null && m.cols !== cols) || m.cols === 0) {
    throw new ShapeError(fn, argument, `${rows}×${cols ?? 'O'}`, m.shapeText, what);
  }
  checkFiniteArray(fn, `${argument}.data`, m.data);
  return m.toFloat64();
}

/**
 * Checks a non-empty finite label matrix with N rows (N ≥ 1, O ≥ 1 columns).
 *
 * @param fn - Calling function.
 * @param argument - Argument name.
 * @param value - Candidate.
 * @param rows - Required row count N.
 * @returns The labels, float64.
 * @throws As {@link checkFiniteMatrix}.
 */
export function checkLabels(fn: string, argument: string, value: unknown, rows: number): Matrix {
  return checkFiniteMatrix(fn, argument, value, rows, null, 'one row of labels per training input');
}

/**
 * Reads an optional non-negative diagonal regulariser.
 *
 * @param fn - Calling function.
 * @param value - Candidate (undefined: 0).
 * @returns The value.
 * @throws {ArgumentTypeError} If not a number. {@link @ntk/core!ArgumentRangeError} If negative or not finite.
 */
export function checkDiagReg(fn: string, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number') throw argumentError('type', fn, 'options.diagReg', 'a number', value);
  if (!Number.isFinite(value) || value < 0) {
    throw argumentError('range', fn, 'options.diagReg', 'a finite number ≥ 0', value);
  }
  return value;
}
