import { access } from 'node:fs/promises';
import { type Budget, pointCachePath } from '@ntk/bounds';

/** The points of one claim to look for. */
export interface ClaimPointsQuery {
  /** The claim's id. */
  readonly claimId: string;
  /** The grid indices to look for. */
  readonly points: readonly number[];
}

/**
 * How many of a run's points are saved in its point cache (`<out>/points`, files written atomically by
 * `@ntk/bounds`): what an interrupted run keeps for `--resume`.
 *
 * @param cacheDir - The cache directory.
 * @param queries - The claims and grid indices of the run.
 * @param budget - The run's budget.
 * @param seed - The run's seed.
 * @returns The number of points whose cache file exists.
 * @example
 * ```ts
 * await countKeptPoints(join(out, 'points'), [{ claimId: 'hayou-2019-ntk-depth-rates', points: [0, 1] }], 'quick', 0);
 * ```
 */
export async function countKeptPoints(
  cacheDir: string,
  queries: readonly ClaimPointsQuery[],
  budget: Budget,
  seed: number,
): Promise<number> {
  const checks = queries.flatMap((q) =>
    q.points.map((i) =>
      access(pointCachePath(cacheDir, q.claimId, budget, seed, i)).then(
        () => 1,
        () => 0,
      ),
    ),
  );
  return (await Promise.all(checks)).reduce<number>((s, x) => s + x, 0);
}
