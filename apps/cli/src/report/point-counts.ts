import type { ClaimResult } from '@ntk/bounds';

/** How many of a result's points this run measured and how many it took from the point cache. */
export interface PointCounts {
  /** Points measured by this run. */
  readonly measured: number;
  /** Points reused from the cache (`--resume`, or a merge of shards). */
  readonly cached: number;
}

/**
 * Counts a result's observations by `source`.
 *
 * @param result - A claim's result.
 * @returns The counts.
 * @example
 * ```ts
 * const { measured, cached } = pointCounts(result); // e.g. { measured: 3, cached: 1 }
 * ```
 */
export function pointCounts(result: ClaimResult): PointCounts {
  const measured = result.observations.filter((o) => o.source === 'measured').length;
  return { measured, cached: result.observations.length - measured };
}
