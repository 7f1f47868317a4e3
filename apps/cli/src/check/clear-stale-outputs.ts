import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Removes what an earlier run left in an `ntk check` output directory that would be wrong for the new one:
 * the report files (`report.json`, `report.md`, `report.html`: a directory without a complete run has no
 * report) and the figures of the given claims, and, for a fresh run (not `--resume`), their
 * `results/<id>.json`. The point cache (`points/`) is kept: without `--resume` it is not read, and every
 * point is measured again and overwritten.
 *
 * @param out - The output directory.
 * @param claimIds - Ids whose figures (and results) to remove (e.g. the whole registry).
 * @param keepResults - Keep `results/` (a resumed run).
 * @example
 * ```ts
 * await clearStaleOutputs(out, claimIds, false);
 * ```
 */
export async function clearStaleOutputs(
  out: string,
  claimIds: readonly string[],
  keepResults: boolean,
): Promise<void> {
  const paths = [
    join(out, 'report.json'),
    join(out, 'report.md'),
    join(out, 'report.html'),
    ...claimIds.map((id) => join(out, 'figures', `${id}.svg`)),
    ...(keepResults ? [] : claimIds.map((id) => join(out, 'results', `${id}.json`))),
  ];
  await Promise.all(paths.map((p) => rm(p, { force: true })));
}
