/**
 * The error a claim's own code (or the cache) raised during a run, with where it happened. Thrown by
 * {@link measureClaimPoints}; {@link runClaim} turns it into a result with `status: 'failed'`. Cancellation
 * is never wrapped: an `AbortError` propagates as it is.
 */
export class ClaimRunError extends Error {
  /** The claim's id. */
  readonly claimId: string;
  /** The step that threw. */
  readonly stage: 'predict' | 'measure' | 'cache';
  /** Grid index of the point. */
  readonly pointIndex: number;
  /**
   * @param claimId - The claim's id.
   * @param stage - The step that threw.
   * @param pointIndex - Grid index of the point.
   * @param cause - The original error (kept as `cause`).
   */
  constructor(claimId: string, stage: 'predict' | 'measure' | 'cache', pointIndex: number, cause: unknown) {
    super(`${claimId}: ${stage} failed at point ${pointIndex}: ${errorMessage(cause)}`, { cause });
    this.name = 'ClaimRunError';
    this.claimId = claimId;
    this.stage = stage;
    this.pointIndex = pointIndex;
  }
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
