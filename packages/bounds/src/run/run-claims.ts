import { argumentError } from '@ntk/core';
import type { Budget, Claim } from '../claim/types.ts';
import { abortReason, isAbort } from '../internal/abort.ts';
import { resolveRunOptions } from '../internal/resolve-run-options.ts';
import { claims as registry } from '../registry/claims.ts';
import { findClaim } from '../registry/find-claim.ts';
import type { ClaimResult } from '../result/claim-result.ts';
import { NTK_VERSIONS } from '../result/ntk-versions.ts';
import { buildClaimResult, failureOf } from './assemble-claim-result.ts';
import type { ClaimProgress } from './claim-progress.ts';
import { estimateRemainingMs } from './estimate-remaining.ts';
import { type RunClaimOptions, runClaim } from './run-claim.ts';

/** Which claims {@link runClaims} runs: `'all'` (the registry), or a list of claims and/or registry ids. */
export type ClaimSelection = 'all' | readonly (Claim | string)[];

/** Progress of {@link runClaims}; `fraction` never decreases. */
export interface RunClaimsProgress {
  /** Position of the current claim in the selection (0-based). */
  readonly claimPosition: number;
  /** Number of claims in the selection. */
  readonly claimCount: number;
  /** The current claim's id. */
  readonly claimId: string;
  /** Progress of the current claim, in [0, 1]. */
  readonly claimFraction: number;
  /** Overall progress, in [0, 1]: (claims finished + claimFraction) / claimCount. */
  readonly fraction: number;
  /** Milliseconds since the run started. */
  readonly elapsedMs: number;
  /** Estimated milliseconds remaining overall, `null` until a rate is known. */
  readonly remainingMs: number | null;
  /** The current claim's own progress (absent on the event that closes a claim that failed early). */
  readonly claim?: ClaimProgress;
}

/** Options of {@link runClaims}: those of {@link runClaim}, with overall progress and a per-claim callback. */
export interface RunClaimsOptions extends Omit<RunClaimOptions, 'onProgress' | 'onPoint'> {
  /** Overall progress. */
  readonly onProgress?: (progress: RunClaimsProgress) => void;
  /** Called with each claim's result as soon as it is ready (e.g. to write it out). */
  readonly onResult?: (result: ClaimResult, position: number) => void;
}

/** The outcome of {@link runClaims}. */
export interface ClaimsRun {
  /** One result per selected claim, in selection order (failed claims have `status: 'failed'`). */
  readonly results: readonly ClaimResult[];
  /** The budget. */
  readonly budget: Budget;
  /** The seed. */
  readonly seed: number;
  /** When the run started (ISO 8601). */
  readonly startedAt: string;
  /** Wall time in ms. */
  readonly durationMs: number;
  /** Versions of `@ntk/bounds` and the `@ntk` packages it uses. */
  readonly versions: Readonly<Record<string, string>>;
}

/**
 * Runs several claims one after the other ({@link runClaim} each, same budget, seed, backend, cache and
 * level), with overall progress (claim i of n, fraction, time remaining) and cancellation. A claim that
 * fails (its code throws) gives a result with `status: 'failed'` and the run goes on; cancellation stops
 * the whole run with the signal's reason (an `AbortError`). Since every point's key depends only on the
 * seed, the claim id and the point's index, a claim's result does not depend on what else is selected.
 *
 * @param selection - `'all'` (the registry), or claims and/or registry ids, in the order to run them.
 * @param options - As {@link runClaim}, plus `onProgress` (overall) and `onResult` (each claim's result).
 * @returns The results with the budget, seed, start, duration and versions.
 * @throws ArgumentRangeError for an unknown id (listing the known ones) or bad options, before anything
 *   runs; the signal's reason when cancelled.
 * @example
 * ```ts
 * const run = await runClaims('all', {
 *   budget: 'quick',
 *   onProgress: (p) => console.log(`claim ${p.claimPosition + 1}/${p.claimCount} ${p.claimId}`),
 * });
 * for (const r of run.results) console.log(r.claimId, r.verdict);
 * ```
 */
export async function runClaims(
  selection: ClaimSelection,
  options: RunClaimsOptions = {},
): Promise<ClaimsRun> {
  const fn = 'runClaims';
  const resolved = resolveRunOptions(fn, options);
  let selected: readonly Claim[];
  if (selection === 'all') {
    selected = registry;
  } else if (Array.isArray(selection)) {
    selected = selection.map((s, i) => {
      if (typeof s === 'string') return findClaim(s);
      if (s === null || typeof s !== 'object') {
        throw argumentError('type', fn, `selection[${i}]`, 'a Claim or a claim id', s);
      }
      return s;
    });
  } else {
    throw argumentError('type', fn, 'selection', "'all' or an array of claims and ids", selection);
  }
  const startedAt = new Date().toISOString();
  const start = performance.now();
  const count = selected.length;
  let last = 0;
  const report = (position: number, claimId: string, claimFraction: number, claim?: ClaimProgress) => {
    if (options.onProgress === undefined) return;
    last = Math.max(last, (position + claimFraction) / count);
    const elapsedMs = performance.now() - start;
    options.onProgress({
      claimPosition: position,
      claimCount: count,
      claimId,
      claimFraction,
      fraction: last,
      elapsedMs,
      remainingMs: estimateRemainingMs(elapsedMs, last),
      ...(claim === undefined ? {} : { claim }),
    });
  };
  const results: ClaimResult[] = [];
  const { onProgress: _overall, onResult, ...claimOptions } = options;
  for (const [position, claim] of selected.entries()) {
    resolved.signal?.throwIfAborted();
    let result: ClaimResult;
    try {
      result = await runClaim(claim, {
        ...claimOptions,
        backend: resolved.backend,
        onProgress: (p) => report(position, claim.id, p.fraction, p),
      });
    } catch (e) {
      if (isAbort(e, resolved.signal)) throw abortReason(e, resolved.signal);
      // runClaim captures the claim's own faults; anything else (a claim object without the basic shape)
      // is recorded here so that the run goes on.
      result = buildClaimResult({
        claim,
        ordered: [],
        level: resolved.level,
        backend: resolved.backend.info,
        startedAt: new Date().toISOString(),
        durationMs: 0,
        budget: resolved.budget,
        seed: resolved.seed,
        failure: failureOf('setup', e),
      });
    }
    results.push(result);
    report(position, result.claimId, 1);
    onResult?.(result, position);
  }
  return {
    results,
    budget: resolved.budget,
    seed: resolved.seed,
    startedAt,
    durationMs: performance.now() - start,
    versions: { ...NTK_VERSIONS },
  };
}
