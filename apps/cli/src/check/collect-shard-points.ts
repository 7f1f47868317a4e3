import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Budget,
  type Claim,
  NTK_VERSIONS,
  type PointObservation,
  pointCachePath,
  pointObservationFromJson,
} from '@ntk/bounds';
import { UsageError } from '../errors/usage-error.ts';
import { pairShard } from './shard-pairs.ts';

/**
 * Reads the points of a sharded `ntk check` run from its shards' `points/` directories (`pointCachePath`,
 * `pointObservationFromJson` of `@ntk/bounds`) and checks that every (claim, point) pair of the run is
 * there exactly once, written by this version of `@ntk/bounds` for this claim, budget, seed and index.
 *
 * @param dirs - The shard directories, sorted by shard index (shard k at position k − 1).
 * @param claims - The run's claims, in run order.
 * @param budget - The run's budget.
 * @param seed - The run's seed.
 * @returns Each claim's observations, in grid order, in run order.
 * @throws {UsageError} For a missing point (naming the claim, the index and the shard it belongs to), a point
 *   found in two shards, or a point file that is unreadable, malformed or from another version or run.
 * @example
 * ```ts
 * const observations = await collectShardPoints(dirs, claims, 'quick', 0);
 * ```
 */
export async function collectShardPoints(
  dirs: readonly string[],
  claims: readonly Claim[],
  budget: Budget,
  seed: number,
): Promise<PointObservation[][]> {
  const version = NTK_VERSIONS['@ntk/bounds'];
  let pair = 0;
  const out: PointObservation[][] = [];
  for (const claim of claims) {
    const observations: PointObservation[] = [];
    for (let index = 0; index < claim.grid[budget].length; index++, pair++) {
      const found: { dir: string; path: string; text: string }[] = [];
      for (const dir of dirs) {
        const path = pointCachePath(join(dir, 'points'), claim.id, budget, seed, index);
        const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw new UsageError(`${path}: cannot read it (${error.code ?? 'error'})`);
        });
        if (text !== undefined) found.push({ dir, path, text });
      }
      const owner = pairShard(pair, dirs.length);
      if (found.length === 0) {
        throw new UsageError(
          `point ${index} of ${claim.id} is missing: shard ${owner}/${dirs.length} (${dirs[owner - 1]}) ` +
            'should have it (rerun that shard with --resume)',
        );
      }
      if (found.length > 1) {
        throw new UsageError(
          `point ${index} of ${claim.id} is in more than one shard (${found.map((f) => f.dir).join(', ')})`,
        );
      }
      const { path, text } = found[0] as { path: string; text: string };
      let record: ReturnType<typeof pointObservationFromJson>;
      try {
        record = pointObservationFromJson(text);
      } catch (error) {
        throw new UsageError(`${path}: not a point record (${(error as Error).message})`);
      }
      if (record.boundsVersion !== version) {
        throw new UsageError(
          `${path}: written by @ntk/bounds ${record.boundsVersion}, not ${version} (rerun the shard with this version)`,
        );
      }
      const o = record.observation;
      if (o.claimId !== claim.id || o.budget !== budget || o.seed !== seed || o.index !== index) {
        throw new UsageError(
          `${path}: holds another point (${o.claimId} ${o.budget} seed ${o.seed} #${o.index})`,
        );
      }
      observations.push(o);
    }
    out.push(observations);
  }
  return out;
}
