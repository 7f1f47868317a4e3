import { argumentError } from './argument-error.ts';
import { NumericalError } from './numerical-error.ts';

/**
 * Checks that `value` is an integer in `[min, max]`.
 *
 * @param fn - Calling function, for the message.
 * @param argument - Argument name, for the message.
 * @param value - Value to check.
 * @param min - Smallest allowed value (default 1).
 * @param max - Largest allowed value (default `Number.MAX_SAFE_INTEGER`).
 * @returns The value, typed as a number.
 * @throws {ArgumentTypeError} If it is not a number. {@link ArgumentRangeError} if not an integer in range.
 * @example
 * ```ts
 * const n = checkInteger('sphere', 'n', 10); // 10
 * ```
 */
export function checkInteger(
  fn: string,
  argument: string,
  value: unknown,
  min = 1,
  max: number = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number') throw argumentError('type', fn, argument, 'a number', value);
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw argumentError('range', fn, argument, `an integer ${range}`, value);
  }
  return value;
}

/**
 * Checks that `value` is a finite number, optionally with a lower bound.
 *
 * @param fn - Calling function.
 * @param argument - Argument name.
 * @param value - Value to check.
 * @param options - `min` and whether it is exclusive (`positive: true` means > 0).
 * @returns The value.
 * @throws {ArgumentTypeError} If not a number. {@link ArgumentRangeError} if NaN, infinite or below the bound.
 * @example
 * ```ts
 * checkNumber('dense', 'sigmaW2', 2, { positive: true });
 * ```
 */
export function checkNumber(
  fn: string,
  argument: string,
  value: unknown,
  options: { positive?: boolean; nonNegative?: boolean } = {},
): number {
  if (typeof value !== 'number') throw argumentError('type', fn, argument, 'a number', value);
  if (!Number.isFinite(value)) throw argumentError('range', fn, argument, 'a finite number', value);
  if (options.positive && !(value > 0)) throw argumentError('range', fn, argument, 'a number > 0', value);
  if (options.nonNegative && !(value >= 0)) throw argumentError('range', fn, argument, 'a number ≥ 0', value);
  return value;
}

/**
 * Rejects arrays holding NaN or ±Infinity.
 *
 * @param fn - Calling function.
 * @param argument - Argument name.
 * @param data - Array to scan.
 * @throws {ArgumentRangeError} Naming the first non-finite index and its value.
 * @example
 * ```ts
 * checkFiniteArray('cholesky', 'a', m.data);
 * ```
 */
export function checkFiniteArray(fn: string, argument: string, data: ArrayLike<number>): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!Number.isFinite(v)) throw argumentError('range', fn, `${argument}[${i}]`, 'finite', v);
  }
}

/**
 * Detects NaN or ±Infinity in a computed result and reports it instead of returning it.
 *
 * @param fn - Function that computed the result.
 * @param what - What the array is ("NTK at layer 3").
 * @param data - Result to scan.
 * @param cols - Optional row length, to report (row, col) instead of a flat index.
 * @throws {NumericalError} Naming the first non-finite entry.
 * @example
 * ```ts
 * assertFiniteResult('mlpKernels', 'NTK', k.data, k.cols);
 * ```
 */
export function assertFiniteResult(fn: string, what: string, data: ArrayLike<number>, cols?: number): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!Number.isFinite(v)) {
      const where = cols ? `entry (${Math.floor(i / cols)}, ${i % cols})` : `index ${i}`;
      throw new NumericalError(fn, `non-finite value ${v} in ${what} at ${where}.`, { index: i, value: v });
    }
  }
}
