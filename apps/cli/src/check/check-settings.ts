import type { Budget } from '@ntk/bounds';
import type { CliBackendName } from '../backend/resolve-cli-backend.ts';
import type { CheckSettings } from '../report/check-report.ts';

/** The family-wise confidence level of every claim's verdict in `ntk check` (Bonferroni over its tests). */
export const CHECK_LEVEL = 0.95;

/**
 * The settings of an `ntk check` run, as recorded in `report.json`, `run.json` and a shard's `shard.json`:
 * what must agree for a run to be resumed or for shards to be merged.
 *
 * @param claimIds - The selected claim ids, in run order.
 * @param budget - `--budget`.
 * @param seed - `--seed`.
 * @param backend - `--backend` (the name asked for, not the one `auto` chose).
 * @returns The settings, with the level {@link CHECK_LEVEL}.
 * @example
 * ```ts
 * checkSettings(['hayou-2019-ntk-depth-rates'], 'quick', 0, 'cpu');
 * // { budget: 'quick', seed: 0, claims: ['hayou-2019-ntk-depth-rates'], level: 0.95, backend: 'cpu' }
 * ```
 */
export function checkSettings(
  claimIds: readonly string[],
  budget: Budget,
  seed: number,
  backend: CliBackendName,
): CheckSettings {
  return { budget, seed, claims: [...claimIds], level: CHECK_LEVEL, backend };
}
