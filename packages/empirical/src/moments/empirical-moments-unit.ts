import { argumentError, type Backend, checkInteger, cpuBackend, foldIn, type Matrix } from '@ntk/core';
import { initMlp } from '../network/init-mlp.ts';
import { empiricalNtk } from '../ntk/empirical-ntk.ts';
import { resolveMomentsConfig } from './resolve-moments-config.ts';
import type { MomentsBlock, MomentsConfig, MomentsUnit } from './types.ts';

const FN = 'empiricalMomentsUnit';

/** Options of {@link empiricalMomentsUnit}. */
export interface MomentsUnitOptions {
  /** Backend for the per-initialisation NTKs (default `cpuBackend()`). */
  readonly backend?: Backend;
  /** Called after each initialisation. */
  readonly onSample?: (index: number) => void;
  /** Stops between initialisations, rejecting with the signal's reason. */
  readonly signal?: AbortSignal;
}

function pick(m: Matrix, entries: ReadonlyArray<readonly [number, number]> | null): Float64Array {
  if (entries === null) return m.data;
  const out = new Float64Array(entries.length);
  for (let e = 0; e < entries.length; e++) out[e] = m.get(entries[e]![0], entries[e]![1]);
  return out;
}

/**
 * One unit of a Monte-Carlo run: the initialisations k ∈ [start, end) (whole blocks of `blockSize` keys;
 * `end` may be K), each key_k = foldIn(key, k), accumulated per block in key order by Welford's update
 * (float64): n ← n + 1, δ = x − m, m ← m + δ/n, M2 ← M2 + δ·(x − m). Blocks are returned unmerged;
 * {@link mergeMomentsUnits} folds them in block order, so the final bits do not depend on how the keys
 * were split into units, threads, processes or machines.
 *
 * Environment-agnostic (no Node API): the same function runs in the main thread, a Node worker thread
 * or a browser Web Worker.
 *
 * @param config - The run's config.
 * @param start - First key index (a multiple of the block size).
 * @param end - One past the last (a multiple of the block size, or K).
 * @param options - Backend, per-sample callback, abort signal.
 * @returns The unit (JSON-serialisable: `JSON.parse(JSON.stringify(unit))` merges to the same bits).
 * @throws {ArgumentRangeError} For a range not aligned to blocks or outside [0, K]; config errors as
 *   {@link empiricalMoments}. Rejects with `signal.reason` when aborted.
 * @example
 * ```ts
 * // Process A and process B each run half, a third merges:
 * const a = await empiricalMomentsUnit(config, 0, 64);
 * const b = await empiricalMomentsUnit(config, 64, 128);
 * const moments = mergeMomentsUnits([a, b]); // bit-identical to empiricalMoments(config)
 * ```
 */
export async function empiricalMomentsUnit(
  config: MomentsConfig,
  start: number,
  end: number,
  options: MomentsUnitOptions = {},
): Promise<MomentsUnit> {
  const r = resolveMomentsConfig(FN, config);
  checkInteger(FN, 'start', start, 0, r.samples);
  checkInteger(FN, 'end', end, start, r.samples);
  if (start % r.blockSize !== 0) {
    throw argumentError('range', FN, 'start', `a multiple of the block size ${r.blockSize}`, start);
  }
  if (end % r.blockSize !== 0 && end !== r.samples) {
    throw argumentError(
      'range',
      FN,
      'end',
      `a multiple of the block size ${r.blockSize}, or K = ${r.samples}`,
      end,
    );
  }
  const backend = options.backend ?? cpuBackend();
  const nq = 2 + (r.perLayer ? r.depth + 1 : 0);
  const size = r.shape[0] * r.shape[1];
  const blocks: MomentsBlock[] = [];
  let mean: Float64Array[] = [];
  let m2: Float64Array[] = [];
  let count = 0;
  const flush = (index: number): void => {
    blocks.push({ index, count, mean: mean.map((a) => Array.from(a)), m2: m2.map((a) => Array.from(a)) });
  };
  for (let k = start; k < end; k++) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (k % r.blockSize === 0) {
      if (count > 0) flush(k / r.blockSize - 1);
      mean = Array.from({ length: nq }, () => new Float64Array(size));
      m2 = Array.from({ length: nq }, () => new Float64Array(size));
      count = 0;
    }
    const net = initMlp(r.config.spec, foldIn(r.key, k), r.X1.cols);
    const res = await empiricalNtk(net, r.X1, r.X2, {
      backend,
      perLayer: r.perLayer,
      outputMode: r.outputMode,
    });
    const values = [res.ntk, res.nngp, ...(res.layers ?? [])].map((m) => pick(m, r.entries));
    count++;
    for (let q = 0; q < nq; q++) {
      const x = values[q]!;
      const m = mean[q]!;
      const s = m2[q]!;
      for (let i = 0; i < size; i++) {
        const xi = x[i] as number;
        const d = xi - (m[i] as number);
        const mi = (m[i] as number) + d / count;
        m[i] = mi;
        s[i] = (s[i] as number) + d * (xi - mi);
      }
    }
    options.onSample?.(k);
  }
  if (count > 0) flush(Math.floor((end - 1) / r.blockSize));
  return {
    fingerprint: r.fingerprint,
    start,
    end,
    blockSize: r.blockSize,
    samples: r.samples,
    shape: r.shape,
    layers: r.perLayer ? r.depth + 1 : 0,
    blocks,
  };
}
