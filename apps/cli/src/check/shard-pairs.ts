import type { Budget, Claim } from '@ntk/bounds';
import type { Shard } from '../shard/shard.ts';

/** The grid points of one claim that a shard measures. */
export interface ShardClaimPoints {
  /** The claim. */
  readonly claim: Claim;
  /** Grid indices of `claim.grid[budget]` this shard measures, ascending (may be empty). */
  readonly points: readonly number[];
}

/**
 * Deals the (claim, point index) pairs of a run to the shards of `--shard k/n`: the pairs are numbered
 * j = 0, 1, … in claim order, then point index order, and pair j goes to shard (j mod n) + 1 (round-robin,
 * so that slow claims are spread over all shards). Every pair is in exactly one shard.
 *
 * @param claims - The run's claims, in run order.
 * @param budget - The budget (whose grids are dealt).
 * @param shard - Shard k of n.
 * @returns For every claim (in order), the indices shard k measures.
 * @example
 * ```ts
 * // two claims with 5 and 4 points, shard 1/3: pairs 0, 3, 6 → claim A [0, 3], claim B [1]
 * shardClaimPoints([a, b], 'quick', { index: 1, count: 3 });
 * ```
 */
export function shardClaimPoints(claims: readonly Claim[], budget: Budget, shard: Shard): ShardClaimPoints[] {
  let j = 0;
  return claims.map((claim) => {
    const points: number[] = [];
    for (let i = 0; i < claim.grid[budget].length; i++, j++) {
      if (j % shard.count === shard.index - 1) points.push(i);
    }
    return { claim, points };
  });
}

/**
 * The shard (1-based) that measures pair j of a run split into `count` shards (see {@link shardClaimPoints}).
 *
 * @param pair - The pair's number j (0-based, in claim then point order).
 * @param count - Number of shards n.
 * @returns (j mod n) + 1.
 * @example
 * ```ts
 * pairShard(4, 3); // 2
 * ```
 */
export function pairShard(pair: number, count: number): number {
  return (pair % count) + 1;
}
