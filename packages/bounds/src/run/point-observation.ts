import type { Budget, ClaimParams, Observation } from '../claim/types.ts';

/**
 * One measured grid point of one claim in one run, with what identifies it: the claim id, the budget, the
 * seed, the point's index in `claim.grid[budget]` and its key. {@link measureClaimPoints} returns these;
 * {@link assembleClaimResult} turns a complete set (from one run, from shards run apart, or from a cache)
 * into a {@link ClaimResult}. {@link pointObservationToJson} writes one losslessly (non-finite numbers
 * included), so shards can travel between machines.
 */
export interface PointObservation<P extends ClaimParams = ClaimParams> extends Observation<P> {
  /** The claim's id. */
  readonly claimId: string;
  /** The budget whose grid the point belongs to. */
  readonly budget: Budget;
  /** The run's seed. */
  readonly seed: number;
  /** The point's index in `claim.grid[budget]`. */
  readonly index: number;
  /** The point's key ({@link pointKey}) as 16 hex digits ({@link keyToHex}). */
  readonly key: string;
  /** Wall time of `predict` + `measure` at this point, in milliseconds (when it was measured). */
  readonly durationMs: number;
  /** Whether this run measured the point or reused a cached measurement. */
  readonly source: 'measured' | 'cache';
}
