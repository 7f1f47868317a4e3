/**
 * Raised when a computation produces a non-finite or otherwise meaningless number that would silently
 * mislead (NaN/Inf in a kernel, a matrix that is not positive definite, a failed iteration).
 *
 * @example
 * ```ts
 * throw new NumericalError('mlpKernels', 'NaN in NTK at layer 3, entry (0, 1)', { layer: 3 });
 * ```
 */
export class NumericalError extends Error {
  /** Function that detected the problem. */
  readonly fn: string;
  /** Structured details (indices, values, advice). */
  readonly details: Readonly<Record<string, unknown>>;
  /**
   * @param fn - Function that detected the problem.
   * @param message - What went wrong, and what to do about it.
   * @param details - Structured details.
   */
  constructor(fn: string, message: string, details: Record<string, unknown> = {}) {
    super(`${fn}: ${message}`);
    this.name = 'NumericalError';
    this.fn = fn;
    this.details = details;
  }
}

/**
 * Raised by Cholesky-based routines when a matrix is not (numerically) positive definite.
 * Carries the index and value of the first failing pivot.
 */
export class NotPositiveDefiniteError extends NumericalError {
  /** Zero-based index of the failing pivot. */
  readonly pivotIndex: number;
  /** Value of the failing pivot (≤ 0 or non-finite). */
  readonly pivotValue: number;
  /**
   * @param fn - Function that detected the problem.
   * @param pivotIndex - Index of the failing pivot.
   * @param pivotValue - Its value.
   * @param jitter - The diagonal jitter that was in effect.
   */
  constructor(fn: string, pivotIndex: number, pivotValue: number, jitter: number) {
    super(
      fn,
      `matrix is not positive definite: pivot ${pivotIndex} is ${pivotValue} (jitter ${jitter}). ` +
        'Check that the matrix is symmetric PSD, or pass a larger `jitter`.',
      { pivotIndex, pivotValue, jitter },
    );
    this.name = 'NotPositiveDefiniteError';
    this.pivotIndex = pivotIndex;
    this.pivotValue = pivotValue;
  }
}
