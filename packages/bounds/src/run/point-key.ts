import { foldIn, type Key, key } from '@ntk/core';
import { claimIdHash } from './claim-id-hash.ts';

/**
 * The key of one grid point of one claim in a run:
 * `foldIn(foldIn(key(seed), claimIdHash(claimId)), pointIndex)`.
 * It depends only on the seed, the claim's id and the point's index in `claim.grid[budget]`, so a point can
 * be measured on its own (a shard, a resumed run) and give exactly what the whole run gives. The budget is
 * not folded in: the grids of the two budgets are different lists, and a point's index names it within its
 * budget's list.
 *
 * @param seed - The run's seed (a safe integer).
 * @param claimId - The claim's id.
 * @param pointIndex - Index of the point in the claim's grid (an integer in [0, 2³² − 1]).
 * @returns The point's key (what `measure` gets as `context.key`).
 * @throws ArgumentRangeError if `seed` is not a safe integer or `pointIndex` not a uint32.
 * @example
 * ```ts
 * const k = pointKey(0, 'hanin-nica-2020-theorem-1', 3);
 * ```
 */
export function pointKey(seed: number, claimId: string, pointIndex: number): Key {
  return foldIn(foldIn(key(seed), claimIdHash(claimId)), pointIndex);
}
