import { Matrix } from '@ntk/core';
import { mergeMomentsUnits } from '@ntk/empirical';
import type { MergeOptions } from '../commands/merge.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../errors/usage-error.ts';
import type { ShardManifest } from '../shard/shard-manifest.ts';
import { buildEmpiricalReport } from './empirical-report.ts';
import type { EmpiricalSettings } from './empirical-settings.ts';
import { finishEmpiricalRun } from './finish-empirical-run.ts';
import { readMomentsUnitFile } from './moments-unit-file.ts';

/**
 * The Monte-Carlo branch of `ntk merge`: reads each shard's `moments-unit.json`, checks that they measured the
 * same inputs, merges the units with `mergeMomentsUnits` (block order, so the bits equal a single run's; a
 * missing or repeated block is an error naming the blocks) and writes `empirical.json`, `.csv` and `.svg`
 * exactly as `ntk empirical --samples K` without `--shard` would.
 *
 * @param dirs - The shard directories, sorted by shard index (checked by `checkShardSet`).
 * @param manifests - Their manifests (kind `empirical-moments`, identical settings).
 * @param out - The merged output directory (prepared).
 * @param ctx - The CLI context.
 * @param options - `--json`.
 * @throws {UsageError} For a missing/bad unit file or shards of different inputs; `ArgumentRangeError` (exit 2)
 *   from `mergeMomentsUnits` when the blocks do not cover 0..K−1 exactly once.
 * @example
 * ```ts
 * await mergeMomentsShards(['mc-1', 'mc-2'], manifests, '/abs/mc', ctx, { out: 'mc' });
 * ```
 */
export async function mergeMomentsShards(
  dirs: readonly string[],
  manifests: readonly ShardManifest[],
  out: string,
  ctx: CliContext,
  options: MergeOptions,
): Promise<void> {
  const files = await Promise.all(dirs.map((d) => readMomentsUnitFile(d)));
  const first = files[0];
  if (first === undefined) throw new UsageError('no shard directories given');
  const inputs = JSON.stringify(first.data.x);
  files.forEach((f, i) => {
    if (JSON.stringify(f.data.x) !== inputs) {
      throw new UsageError(
        `${dirs[i]}: its inputs differ from those of ${dirs[0]} (not shards of the same run)`,
      );
    }
  });
  const settings = manifests[0]?.settings as EmpiricalSettings;
  const moments = mergeMomentsUnits(files.map((f) => f.unit));
  if (moments.samples !== settings.samples) {
    throw new UsageError(
      `the shards hold ${moments.samples} initialisations, the run has ${settings.samples}`,
    );
  }
  const x = Matrix.fromRows(first.data.x);
  const report = buildEmpiricalReport(settings, x, first.data.description, { kind: 'moments', moments });
  await finishEmpiricalRun(ctx, out, report, options.json === true);
}
