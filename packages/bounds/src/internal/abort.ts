/**
 * Whether an error means "cancelled": the run's signal fired, or the error is an `AbortError`.
 * @internal
 */
export function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return true;
  return error instanceof Error ? error.name === 'AbortError' : false;
}

/**
 * The error to propagate on cancellation: the signal's reason when it fired, else the error itself.
 * @internal
 */
export function abortReason(error: unknown, signal: AbortSignal | undefined): unknown {
  return signal?.aborted ? signal.reason : error;
}
