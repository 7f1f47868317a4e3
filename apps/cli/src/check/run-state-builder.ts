import type { BackendInfo } from '@ntk/core';
import type { Shard } from '../shard/shard.ts';
import { CLI_VERSION } from '../version.ts';
import type { CheckRunState, CheckRunStatus } from './check-run-state.ts';
import type { PreparedCheck } from './prepared-check.ts';

/** Makes the successive `run.json` states of one run (see {@link runStateBuilder}). */
export type RunStateBuilder = (
  status: CheckRunStatus,
  progress: {
    readonly claimsFinished: readonly string[];
    readonly pointsKept: number;
    readonly error?: string;
  },
) => CheckRunState;

/**
 * The `run.json` states of a run that started now: each call gives the state with the status and progress
 * given, the run's settings, shard, backend, start time and the time so far.
 *
 * @param prepared - The run.
 * @param shard - The shard, or `null`.
 * @param pointsTotal - The run's (or shard's) number of points.
 * @returns The builder.
 * @example
 * ```ts
 * const state = runStateBuilder(prepared, null, 9);
 * await writeRunState(out, state('running', { claimsFinished: [], pointsKept: 0 }));
 * ```
 */
export function runStateBuilder(
  prepared: PreparedCheck,
  shard: Shard | null,
  pointsTotal: number,
): RunStateBuilder {
  const startedAt = new Date().toISOString();
  const start = performance.now();
  const backend: { info: BackendInfo; reason: string } = {
    info: prepared.backend.info,
    reason: prepared.choice.reason,
  };
  return (status, progress) => ({
    format: 'ntk-check-run',
    formatVersion: 1,
    status,
    settings: prepared.settings,
    shard,
    origin: { kind: 'run' },
    backend,
    claimsFinished: [...progress.claimsFinished],
    pointsKept: progress.pointsKept,
    pointsTotal,
    startedAt,
    updatedAt: new Date().toISOString(),
    durationMs: performance.now() - start,
    ...(progress.error === undefined ? {} : { error: progress.error }),
    cliVersion: CLI_VERSION,
  });
}
