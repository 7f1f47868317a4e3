import type { Budget } from '../claim/types.ts';

/**
 * Where the cache keeps one point's observation: `<cacheDir>/<claimId>/<budget>-seed<seed>/point-<index>.json`
 * (written atomically by the runner: a temporary file, then a rename). The file is a
 * {@link pointObservationToJson} record, whose claim id, params, budget, seed and `@ntk/bounds` version
 * are the fingerprint checked before a point is reused.
 *
 * @param cacheDir - The cache directory (a trailing `/` is ignored).
 * @param claimId - The claim's id (lower-kebab, so it is a safe directory name).
 * @param budget - The budget.
 * @param seed - The seed.
 * @param index - The point's grid index.
 * @returns The file path (with `/` separators, which every platform's `fs` accepts).
 * @example
 * ```ts
 * pointCachePath('.cache', 'hanin-nica-2020-theorem-1', 'full', 0, 3);
 * // '.cache/hanin-nica-2020-theorem-1/full-seed0/point-3.json'
 * ```
 */
export function pointCachePath(
  cacheDir: string,
  claimId: string,
  budget: Budget,
  seed: number,
  index: number,
): string {
  return `${cacheDir.replace(/\/+$/, '')}/${claimId}/${budget}-seed${seed}/point-${index}.json`;
}
