import { UsageError } from '../errors/usage-error.ts';
import type { CheckSettings } from '../report/check-report.ts';
import type { Shard } from '../shard/shard.ts';
import type { CheckRunState } from './check-run-state.ts';

/**
 * Refuses to resume a run whose recorded settings differ from the new ones: `--resume` continues the same
 * run, so every setting (claims, budget, seed, backend, level, shard) must be what `run.json` says. The
 * message names the first setting that differs, with both values.
 *
 * @param previous - The state in `<out>/run.json`.
 * @param settings - The new run's settings.
 * @param shard - The new run's shard, or `null`.
 * @param out - The output directory as given (`--out`), for the message.
 * @throws {UsageError} Naming the setting, e.g. `--resume: ntk-report/run.json was written with
 *   --budget quick, not --budget full (…)`.
 * @example
 * ```ts
 * const previous = await readRunState(out, '--resume');
 * if (previous !== undefined) assertResumable(previous, settings, null, 'ntk-report');
 * ```
 */
export function assertResumable(
  previous: CheckRunState,
  settings: CheckSettings,
  shard: Shard | null,
  out: string,
): void {
  if (previous.origin?.kind === 'merge') {
    throw new UsageError(`--resume: ${out} holds a merge of shards (\`ntk merge\`), not a run to continue`);
  }
  const was = previous.settings;
  const shardText = (s: Shard | null | undefined) => (s ? `${s.index}/${s.count}` : 'none');
  const pairs: [string, string, string][] = [
    ['--claims', (was.claims ?? []).join(','), settings.claims.join(',')],
    ['--budget', String(was.budget), settings.budget],
    ['--seed', String(was.seed), String(settings.seed)],
    ['--backend', String(was.backend), settings.backend],
    ['level', String(was.level), String(settings.level)],
    ['--shard', shardText(previous.shard), shardText(shard)],
  ];
  for (const [flag, before, now] of pairs) {
    if (before !== now) {
      throw new UsageError(
        `--resume: ${out}/run.json was written with ${flag} ${before}, not ${flag} ${now} ` +
          '(rerun with the same settings, or without --resume to start afresh)',
      );
    }
  }
}
