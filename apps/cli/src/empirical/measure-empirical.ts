import type { Backend, Matrix } from '@ntk/core';
import {
  empiricalMomentsUnit,
  empiricalNtk,
  initMlp,
  type MomentsConfig,
  type MomentsUnit,
  mergeMomentsUnits,
} from '@ntk/empirical';
import { mlpSpecOf } from '../spec/network-settings.ts';
import type { EmpiricalMeasurement } from './empirical-report.ts';
import type { EmpiricalSettings } from './empirical-settings.ts';
import { initialisationKey, networkKey } from './network-key.ts';

/** Options of {@link measureEmpirical} and {@link measureMomentsUnit}. */
export interface MeasureOptions {
  /** The backend of the products. */
  readonly backend: Backend;
  /** Stops between initialisations (rejects with its reason). */
  readonly signal?: AbortSignal;
  /** Called after each initialisation with how many of the run's part are done and of how many. */
  readonly onSample?: (done: number, total: number) => void;
}

/**
 * The Monte-Carlo config of a run: the finite network of the settings, the inputs, base key
 * {@link networkKey}(seed) (so initialisation k has key {@link initialisationKey}(seed, k)), K, the block size
 * and the per-layer switch.
 *
 * @param s - Settings.
 * @param x - Inputs, N×d.
 * @returns The config for `empiricalMomentsUnit`.
 * @example
 * ```ts
 * const unit = await empiricalMomentsUnit(momentsConfigOf(settings, x), 0, settings.samples);
 * ```
 */
export function momentsConfigOf(s: EmpiricalSettings, x: Matrix): MomentsConfig {
  return {
    spec: mlpSpecOf(s, true),
    X1: x,
    key: networkKey(s.seed),
    samples: s.samples,
    perLayer: s.perLayer,
    blockSize: s.blockSize,
  };
}

/**
 * Keys [start, end) of a Monte-Carlo run (whole blocks) as one unit, with progress and cancellation.
 *
 * @param s - Settings (K > 1).
 * @param x - Inputs.
 * @param start - First key (a multiple of the block size).
 * @param end - One past the last (a multiple of the block size, or K).
 * @param options - Backend, signal, progress.
 * @returns The unit (JSON-serialisable).
 * @throws As `empiricalMomentsUnit`; the signal's reason when aborted.
 * @example
 * ```ts
 * const unit = await measureMomentsUnit(settings, x, 0, 16, { backend });
 * ```
 */
export async function measureMomentsUnit(
  s: EmpiricalSettings,
  x: Matrix,
  start: number,
  end: number,
  options: MeasureOptions,
): Promise<MomentsUnit> {
  let done = 0;
  return empiricalMomentsUnit(momentsConfigOf(s, x), start, end, {
    backend: options.backend,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onSample: () => {
      done++;
      options.onSample?.(done, end - start);
    },
  });
}

/**
 * Measures what `ntk empirical` reports: for K = 1 the empirical NTK (`empiricalNtk`, the settings' method) of
 * the network with key {@link initialisationKey}(seed, 0); for K > 1 the Monte-Carlo moments over keys
 * 0..K−1 (`empiricalMomentsUnit` over all of them, then `mergeMomentsUnits`, exactly what a merge of shards
 * computes).
 *
 * @param s - Settings.
 * @param x - Inputs.
 * @param options - Backend, signal, progress.
 * @returns The measurement.
 * @throws As `initMlp`/`empiricalNtk`/`empiricalMomentsUnit`; the signal's reason when aborted.
 * @example
 * ```ts
 * const m = await measureEmpirical(settings, x, { backend: cpuBackend() });
 * ```
 */
export async function measureEmpirical(
  s: EmpiricalSettings,
  x: Matrix,
  options: MeasureOptions,
): Promise<EmpiricalMeasurement> {
  options.signal?.throwIfAborted();
  if (s.samples === 1) {
    const net = initMlp(mlpSpecOf(s, true), initialisationKey(s.seed, 0), x.cols);
    const result = await empiricalNtk(net, x, undefined, {
      method: s.method,
      perLayer: s.perLayer,
      backend: options.backend,
    });
    options.signal?.throwIfAborted();
    options.onSample?.(1, 1);
    return { kind: 'single', result };
  }
  const unit = await measureMomentsUnit(s, x, 0, s.samples, options);
  return { kind: 'moments', moments: mergeMomentsUnits([unit]) };
}
