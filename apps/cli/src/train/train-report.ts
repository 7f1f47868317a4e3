import { NTK_VERSIONS } from '@ntk/bounds';
import { CLI_VERSION } from '../version.ts';
import type { TrainRun } from './run-train.ts';
import type { TrainSettings } from './train-settings.ts';

/** The content of `train.json`. */
export interface TrainReport {
  /** Always `'ntk-train'`. */
  readonly format: 'ntk-train';
  /** Version of this format (1). */
  readonly formatVersion: 1;
  /** The run's settings (canonical key order; `target` resolved). */
  readonly settings: TrainSettings;
  /** Versions of the `@ntk` packages and of the CLI. */
  readonly versions: Readonly<Record<string, string>>;
  /** How the keys follow from the seed. */
  readonly keys: string;
  /** The training inputs. */
  readonly data: { readonly description: string; readonly n: number; readonly d: number };
  /** The run: learning rate, spectrum, the reference and the records. */
  readonly run: TrainRun;
  /** Whether training ran all its steps (false: interrupted by Ctrl-C; the records so far). */
  readonly complete: boolean;
  /** The last record, for a quick look. */
  readonly final: TrainRun['records'][number] | null;
}

/**
 * Builds `train.json`'s content (no timestamps: the same settings give the same bytes).
 *
 * @param settings - Settings.
 * @param data - Description and shape of the inputs.
 * @param run - What `runTrain` returned (or, interrupted, the records so far).
 * @param complete - Whether all steps ran (default true).
 * @returns The report.
 * @example
 * ```ts
 * const report = buildTrainReport(settings, { description, n: x.rows, d: x.cols }, run);
 * ```
 */
export function buildTrainReport(
  settings: TrainSettings,
  data: TrainReport['data'],
  run: TrainRun,
  complete = true,
): TrainReport {
  return {
    format: 'ntk-train',
    formatVersion: 1,
    settings,
    versions: { ...NTK_VERSIONS, '@ntk/cli': CLI_VERSION },
    keys: 'data: foldIn(key(seed), 0); network: foldIn(foldIn(key(seed), 1), 0)',
    data,
    run,
    complete,
    final: run.records[run.records.length - 1] ?? null,
  };
}
