import type { Claim, ClaimParams } from '../claim/types.ts';
import { abortReason, isAbort } from '../internal/abort.ts';
import { resolveRunOptions } from '../internal/resolve-run-options.ts';
import type { ClaimResult } from '../result/claim-result.ts';
import { assembleClaimResult, buildClaimResult, failureOf } from './assemble-claim-result.ts';
import { ClaimRunError } from './claim-run-error.ts';
import { type MeasureClaimPointsOptions, measureClaimPoints } from './measure-claim-points.ts';
import type { PointObservation } from './point-observation.ts';

/** Options of {@link runClaim}. */
export interface RunClaimOptions extends Omit<MeasureClaimPointsOptions, 'points'> {
  /** Family-wise confidence level of the verdict, in (0, 1) (default 0.95; Bonferroni over the tests). */
  readonly level?: number;
}

/**
 * Runs one claim at one budget: every point of `claim.grid[budget]` is predicted and measured with its
 * own key `pointKey(seed, claim.id, index)` ({@link measureClaimPoints}), then `claim.tests` are evaluated
 * by `evaluateTests` (equivalence-style, Bonferroni over the tests at family-wise `level`) into the verdict,
 * and `claim.figure` is rendered to Vega-Lite ({@link assembleClaimResult}).
 *
 * A fault of the claim's own code (`predict`, `measure`, `tests` or `figure` throws, a grid is empty, a
 * measurement is not JSON data, the cache cannot be written) does not throw: the result has
 * `status: 'failed'` and `error` says where. Cancellation does throw: the signal's reason (an `AbortError`).
 *
 * With `cacheDir` (Node), every measured point is saved at once, atomically; with `resume: true`, points
 * saved by an earlier (interrupted) run with the same claim, params, budget, seed and `@ntk/bounds` version
 * are reused, and the result equals that of an uninterrupted run apart from timing and provenance.
 *
 * @param claim - The claim.
 * @param options - Budget (`'quick'`), seed (0), backend (`cpuBackend()`), signal, onProgress, cacheDir,
 *   resume, level (0.95).
 * @returns The result (JSON-serialisable).
 * @throws ArgumentRangeError / ArgumentTypeError for bad options; the signal's reason when cancelled.
 * @example
 * ```ts
 * const result = await runClaim(findClaim('hanin-nica-2020-theorem-1'), {
 *   budget: 'quick',
 *   seed: 0,
 *   onProgress: (p) => console.log(`${(100 * p.fraction).toFixed(0)}%`),
 * });
 * console.log(result.verdict, renderMarkdown(result));
 * ```
 */
export async function runClaim<P extends ClaimParams>(
  claim: Claim<P>,
  options: RunClaimOptions = {},
): Promise<ClaimResult> {
  const resolved = resolveRunOptions('runClaim', options);
  const startedAt = new Date().toISOString();
  const start = performance.now();
  const collected: PointObservation<P>[] = [];
  const common = {
    claim,
    level: resolved.level,
    backend: resolved.backend.info,
    startedAt,
    budget: resolved.budget,
    seed: resolved.seed,
  };
  let observations: PointObservation<P>[];
  try {
    observations = await measureClaimPoints(claim, {
      ...options,
      backend: resolved.backend,
      onPoint: (o) => {
        collected.push(o as PointObservation<P>);
        options.onPoint?.(o);
      },
    });
  } catch (e) {
    if (isAbort(e, resolved.signal)) throw abortReason(e, resolved.signal);
    const failure = e instanceof ClaimRunError ? failureOf(e.stage, e, e.pointIndex) : failureOf('setup', e);
    return buildClaimResult({
      ...common,
      ordered: [...collected].sort((a, b) => a.index - b.index),
      durationMs: performance.now() - start,
      failure,
    });
  }
  const result = assembleClaimResult(claim, observations, {
    level: resolved.level,
    backend: resolved.backend.info,
    startedAt,
  });
  return { ...result, durationMs: performance.now() - start };
}
