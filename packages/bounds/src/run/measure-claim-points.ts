import { argumentError, type Backend } from '@ntk/core';
import type { Budget, Claim, ClaimParams, MeasureContext, Measurement, Prediction } from '../claim/types.ts';
import { abortReason, isAbort } from '../internal/abort.ts';
import { mapJson } from '../internal/map-json.ts';
import { resolveRunOptions } from '../internal/resolve-run-options.ts';
import type { ClaimProgress } from './claim-progress.ts';
import { ClaimRunError } from './claim-run-error.ts';
import { estimateRemainingMs } from './estimate-remaining.ts';
import { keyToHex } from './key-hex.ts';
import { readCachedPoint, writeCachedPoint } from './point-cache.ts';
import { pointKey } from './point-key.ts';
import type { PointObservation } from './point-observation.ts';

/** Options of {@link measureClaimPoints}. */
export interface MeasureClaimPointsOptions {
  /** Which grid to run (default `'quick'`). */
  readonly budget?: Budget;
  /** The run's seed, a safe integer (default 0). Each point's key is `pointKey(seed, claim.id, index)`. */
  readonly seed?: number;
  /** The compute backend handed to `measure` (default `cpuBackend()` of `@ntk/core`). */
  readonly backend?: Backend;
  /** Cancellation: the run stops with the signal's reason (an `AbortError`) between or inside points. */
  readonly signal?: AbortSignal;
  /** Progress after each step of a measurement and after each point. */
  readonly onProgress?: (progress: ClaimProgress) => void;
  /** Grid indices to measure, in this order (default: all of `claim.grid[budget]`). */
  readonly points?: readonly number[];
  /** Called with each point's observation as soon as it is ready (e.g. to save shards as they come). */
  readonly onPoint?: (observation: PointObservation) => void;
  /** Cache directory (Node only): each measured point is written to {@link pointCachePath}. */
  readonly cacheDir?: string;
  /** With `cacheDir`: reuse cached points whose fingerprint matches instead of measuring them again. */
  readonly resume?: boolean;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Measures some or all grid points of a claim: for each index i of `points` (default all of
 * `claim.grid[budget]`), the key `pointKey(seed, claim.id, i)`, `predict(params)` and
 * `measure(params, { key, budget, backend, signal, onProgress })`. A point depends only on the claim, the
 * budget, the seed and its index, so points measured apart (shards on several machines, a resumed run)
 * combine with {@link assembleClaimResult} into exactly the result of one run.
 *
 * With `cacheDir`, each measured point is written atomically to {@link pointCachePath}; with `resume` too,
 * a cached point with a matching fingerprint is reused (its `measure` is not called; `predict` is, since
 * the theory is cheap and always current).
 *
 * @param claim - The claim.
 * @param options - Budget, seed, backend, cancellation, progress, points, cache.
 * @returns The observations, in the order of `points`.
 * @throws ArgumentRangeError / ArgumentTypeError for bad options, a claim whose id is not lower-kebab or
 *   whose grid for the budget is empty, or a bad point index. {@link ClaimRunError} when the claim's
 *   `predict` or `measure` throws, returns something that is not JSON data, or the cache cannot be written.
 *   The signal's reason (an `AbortError`) when cancelled.
 * @example
 * ```ts
 * // Shard 1 of 2 on one machine, shard 2 on another, then one result:
 * const a = await measureClaimPoints(claim, { budget: 'full', points: [0, 1, 2] });
 * const b = await measureClaimPoints(claim, { budget: 'full', points: [3, 4] });
 * const result = assembleClaimResult(claim, [...a, ...b]);
 * ```
 */
export async function measureClaimPoints<P extends ClaimParams>(
  claim: Claim<P>,
  options: MeasureClaimPointsOptions = {},
): Promise<PointObservation<P>[]> {
  const fn = 'measureClaimPoints';
  const { budget, seed, backend, signal, cacheDir, resume } = resolveRunOptions(fn, options);
  checkClaimForRun(fn, claim, budget);
  const grid = claim.grid[budget];
  const indices = options.points ?? grid.map((_, i) => i);
  if (!Array.isArray(indices))
    throw argumentError('type', fn, 'options.points', 'an array of indices', indices);
  const seen = new Set<number>();
  indices.forEach((i, at) => {
    if (!Number.isInteger(i) || i < 0 || i >= grid.length) {
      throw argumentError('range', fn, `options.points[${at}]`, `an index in [0, ${grid.length - 1}]`, i);
    }
    if (seen.has(i))
      throw argumentError('range', fn, `options.points[${at}]`, 'an index not already listed', i);
    seen.add(i);
  });
  const count = indices.length;
  const start = performance.now();
  let done = 0;
  let free = 0;
  let last = 0;
  const report = (index: number, position: number, pointFraction: number, message?: string) => {
    if (options.onProgress === undefined) return;
    const pf = Number.isFinite(pointFraction) ? Math.min(1, Math.max(0, pointFraction)) : 0;
    last = Math.max(last, count === 0 ? 1 : (done + pf) / count);
    const elapsedMs = performance.now() - start;
    options.onProgress({
      claimId: claim.id,
      pointIndex: index,
      pointPosition: position,
      pointCount: count,
      pointFraction: pf,
      fraction: last,
      elapsedMs,
      remainingMs: estimateRemainingMs(elapsedMs, last, free / Math.max(count, 1)),
      ...(message === undefined ? {} : { message }),
    });
  };
  const out: PointObservation<P>[] = [];
  for (const [position, index] of indices.entries()) {
    signal?.throwIfAborted();
    const params = grid[index] as P;
    const k = pointKey(seed, claim.id, index);
    const keyHex = keyToHex(k);
    const pointStart = performance.now();
    let prediction: Prediction;
    try {
      prediction = claim.predict(params);
      checkPrediction(claim.id, prediction);
    } catch (e) {
      if (isAbort(e, signal)) throw abortReason(e, signal);
      throw new ClaimRunError(claim.id, 'predict', index, e);
    }
    let observation: PointObservation<P> | undefined;
    if (resume && cacheDir !== undefined) {
      let cached: PointObservation | undefined;
      try {
        cached = await readCachedPoint(cacheDir, {
          claimId: claim.id,
          budget,
          seed,
          index,
          key: keyHex,
          params,
        });
      } catch (e) {
        throw new ClaimRunError(claim.id, 'cache', index, e);
      }
      if (cached !== undefined) {
        observation = { ...cached, params, prediction };
        free++;
      }
    }
    if (observation === undefined) {
      let measurement: Measurement;
      try {
        const context: MeasureContext = {
          key: k,
          budget,
          backend,
          ...(signal === undefined ? {} : { signal }),
          onProgress: (p) => report(index, position, p.fraction, p.message),
        };
        measurement = await claim.measure(params, context);
        checkMeasurement(claim.id, measurement);
      } catch (e) {
        if (isAbort(e, signal)) throw abortReason(e, signal);
        throw new ClaimRunError(claim.id, 'measure', index, e);
      }
      observation = {
        claimId: claim.id,
        budget,
        seed,
        index,
        key: keyHex,
        params,
        prediction,
        measurement,
        durationMs: performance.now() - pointStart,
        source: 'measured',
      };
      if (cacheDir !== undefined) {
        try {
          await writeCachedPoint(cacheDir, observation);
        } catch (e) {
          throw new ClaimRunError(claim.id, 'cache', index, e);
        }
      }
    }
    out.push(observation);
    options.onPoint?.(observation);
    report(index, position, 1, observation.source === 'cache' ? 'cached' : undefined);
    done++;
  }
  return out;
}

/** The minimum a claim needs to be run: a lower-kebab id, functions, a non-empty grid for the budget. */
function checkClaimForRun(fn: string, claim: Claim<never> | Claim<ClaimParams>, budget: Budget): void {
  if (claim === null || typeof claim !== 'object') throw argumentError('type', fn, 'claim', 'a Claim', claim);
  if (typeof claim.id !== 'string' || !KEBAB.test(claim.id)) {
    throw argumentError('range', fn, 'claim.id', 'a lower-kebab id (a-z, 0-9, single dashes)', claim.id);
  }
  for (const f of ['predict', 'measure', 'tests', 'figure'] as const) {
    if (typeof claim[f] !== 'function') throw argumentError('type', fn, `claim.${f}`, 'a function', claim[f]);
  }
  const grid = claim.grid?.[budget];
  if (!Array.isArray(grid) || grid.length === 0) {
    throw argumentError('range', fn, `claim.grid.${budget}`, 'a non-empty array of grid points', grid);
  }
}

function checkPrediction(id: string, prediction: Prediction): void {
  if (prediction === null || typeof prediction !== 'object' || Array.isArray(prediction)) {
    throw argumentError('type', `${id}.predict`, 'return value', 'an object of numbers', prediction);
  }
  for (const [k, v] of Object.entries(prediction)) {
    if (typeof v !== 'number') throw argumentError('type', `${id}.predict`, `prediction.${k}`, 'a number', v);
  }
}

function checkMeasurement(id: string, measurement: Measurement): void {
  const values = measurement?.values;
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    throw argumentError('type', `${id}.measure`, 'measurement.values', 'an object of estimates', values);
  }
  for (const [k, e] of Object.entries(values)) {
    if (e === null || typeof e !== 'object' || typeof e.value !== 'number') {
      throw argumentError('type', `${id}.measure`, `measurement.values.${k}`, 'an estimate { value, … }', e);
    }
  }
  // Everything must be JSON data (no typed arrays, class instances, functions): throws naming the path.
  mapJson(measurement, `${id}.measure`, 'measurement', () => null);
}
