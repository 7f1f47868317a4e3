import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors/usage-error.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import type { CheckSettings } from '../report/check-report.ts';
import type { Shard } from '../shard/shard.ts';

/** The file in an `ntk check` output directory that says how far the run got (timing lives here, too). */
export const RUN_STATE_FILE = 'run.json';

/**
 * Where an `ntk check` run (or shard, or merge) stands: `running` while it works, `interrupted` after
 * Ctrl-C (rerun with `--resume`), `complete` when its report (or, for a shard, its points) are all written,
 * `failed` when it stopped on an error.
 */
export type CheckRunStatus = 'running' | 'interrupted' | 'complete' | 'failed';

/**
 * The content of `<out>/run.json`: the status, the settings (compared by `--resume`), the shard, and timing
 * and progress facts that are deliberately kept out of the reproducible files.
 */
export interface CheckRunState {
  /** Always `'ntk-check-run'`. */
  readonly format: 'ntk-check-run';
  /** Version of this format (1). */
  readonly formatVersion: 1;
  /** Where the run stands. */
  readonly status: CheckRunStatus;
  /** The run's settings. */
  readonly settings: CheckSettings;
  /** The shard (`--shard k/n`), or `null` for a whole run. */
  readonly shard: Shard | null;
  /** How the directory was made: a run (possibly a shard) or `ntk merge` of n shards. */
  readonly origin: { readonly kind: 'run' } | { readonly kind: 'merge'; readonly shards: number };
  /** The backend that measured the points and why it was chosen. */
  readonly backend: { readonly info: unknown; readonly reason: string };
  /** Ids of the claims whose result is in `results/` (in run order). */
  readonly claimsFinished: readonly string[];
  /** Points of the run present in `points/` when the state was written. */
  readonly pointsKept: number;
  /** Points of the run in all. */
  readonly pointsTotal: number;
  /** When the run started (ISO 8601). */
  readonly startedAt: string;
  /** When this state was written (ISO 8601). */
  readonly updatedAt: string;
  /** Wall time so far, in ms. */
  readonly durationMs: number;
  /** The error, when `status` is `failed`. */
  readonly error?: string;
  /** The `@ntk/cli` version that wrote it. */
  readonly cliVersion: string;
}

/**
 * Writes `<out>/run.json` atomically.
 *
 * @param out - The output directory.
 * @param state - The state.
 * @throws The file system's error.
 * @example
 * ```ts
 * await writeRunState(out, { ...state, status: 'interrupted' });
 * ```
 */
export async function writeRunState(out: string, state: CheckRunState): Promise<void> {
  await writeFileAtomic(join(out, RUN_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * Reads `<out>/run.json`, if there is one.
 *
 * @param out - The output directory.
 * @param flag - The flag the read is for, for the message (e.g. `--resume`).
 * @returns The state, or `undefined` when the file does not exist.
 * @throws {UsageError} When the file exists but is not a run state (names the file and the field).
 * @example
 * ```ts
 * const previous = await readRunState(out, '--resume');
 * ```
 */
export async function readRunState(out: string, flag: string): Promise<CheckRunState | undefined> {
  const path = join(out, RUN_STATE_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(
      `${flag}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new UsageError(`${flag}: ${path} is not valid JSON`);
  }
  const bad = (field: string) => new UsageError(`${flag}: ${path} has a bad \`${field}\``);
  if (value === null || typeof value !== 'object' || value['format'] !== 'ntk-check-run') throw bad('format');
  if (value['formatVersion'] !== 1) throw bad('formatVersion');
  const settings = value['settings'] as Record<string, unknown> | undefined;
  if (settings === null || typeof settings !== 'object' || !Array.isArray(settings['claims'])) {
    throw bad('settings');
  }
  return value as unknown as CheckRunState;
}
