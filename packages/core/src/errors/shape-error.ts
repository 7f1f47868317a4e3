/**
 * Raised when arrays or matrices have incompatible shapes.
 *
 * The message names the function, the argument and both shapes:
 * `` matmul: shape mismatch. `b` must have 3 rows (a is 2×3). Expected: `3×n`. Actual: `4×2`. ``
 *
 * @example
 * ```ts
 * throw new ShapeError('matmul', 'b', '3×n', '4×2', 'inner dimensions must agree');
 * ```
 */
export class ShapeError extends Error {
  /** Function that detected the mismatch. */
  readonly fn: string;
  /** Argument whose shape is wrong. */
  readonly argument: string;
  /** Expected shape, e.g. `3×n` or `[5]`. */
  readonly expected: string;
  /** Actual shape. */
  readonly actual: string;
  /**
   * @param fn - Function that detected the mismatch.
   * @param argument - Argument whose shape is wrong.
   * @param expected - Expected shape.
   * @param actual - Actual shape.
   * @param reason - Optional explanation, e.g. "inner dimensions must agree".
   */
  constructor(fn: string, argument: string, expected: string, actual: string, reason?: string) {
    super(
      `${fn}: shape mismatch. \`${argument}\`${reason ? ` (${reason})` : ''}. Expected: \`${expected}\`. Actual: \`${actual}\`.`,
    );
    this.name = 'ShapeError';
    this.fn = fn;
    this.argument = argument;
    this.expected = expected;
    this.actual = actual;
  }
}
