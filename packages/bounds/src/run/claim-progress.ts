/**
 * Progress of one claim's run, reported after each step of a measurement and after each point. `fraction`
 * never decreases.
 */
export interface ClaimProgress {
  /** The claim's id. */
  readonly claimId: string;
  /** Grid index of the point being measured (or just finished). */
  readonly pointIndex: number;
  /** Position of that point among the points this run measures (0-based). */
  readonly pointPosition: number;
  /** How many points this run measures. */
  readonly pointCount: number;
  /** Progress of the current point, in [0, 1] (as `measure` reports it; 1 when finished). */
  readonly pointFraction: number;
  /** Progress of the claim, in [0, 1]: (points finished + pointFraction) / pointCount. */
  readonly fraction: number;
  /** Milliseconds since the run started. */
  readonly elapsedMs: number;
  /** Estimated milliseconds remaining (`estimateRemainingMs`), `null` until a rate is known. */
  readonly remainingMs: number | null;
  /** The measurement's own note, e.g. `'network 12/64'`, or `'cached'`. */
  readonly message?: string;
}
