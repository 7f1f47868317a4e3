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
import { loadBlock, saveBlock } from './block-cache.ts';
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
  /** Called when a block is finished (measured and saved, or reused), with its index. */
  readonly onBlock?: (index: number) => void;
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

/** Where {@link measureMomentsUnit} keeps finished blocks, and whether to reuse them. */
export interface BlockCacheOptions {
  /** The output directory (blocks go to `<out>/blocks/`). */
  readonly out: string;
  /** Reuse the blocks found there (`--resume`). */
  readonly resume: boolean;
}

/**
 * Keys [start, end) of a Monte-Carlo run (whole blocks) as one unit, with progress and cancellation. Each
 * block is measured on its own (`empiricalMomentsUnit` over its keys, the same numbers as in one call over the
 * whole range) and, with `cache`, saved at once into `<out>/blocks/`, so an interrupted run keeps its finished
 * blocks and `resume` skips them.
 *
 * @param s - Settings (K > 1).
 * @param x - Inputs.
 * @param start - First key (a multiple of the block size).
 * @param end - One past the last (a multiple of the block size, or K).
 * @param options - Backend, signal, progress.
 * @param cache - Block files (optional).
 * @returns The unit (JSON-serialisable).
 * @throws As `empiricalMomentsUnit`; the signal's reason when aborted; {@link UsageError} when `resume` finds
 *   blocks of other settings.
 * @example
 * ```ts
 * const unit = await measureMomentsUnit(settings, x, 0, 16, { backend }, { out, resume: false });
 * ```
 */
export async function measureMomentsUnit(
  s: EmpiricalSettings,
  x: Matrix,
  start: number,
  end: number,
  options: MeasureOptions,
  cache?: BlockCacheOptions,
): Promise<MomentsUnit> {
  const config = momentsConfigOf(s, x);
  const units: MomentsUnit[] = [];
  // With --resume, read every saved block first: a block of other settings is refused before any work.
  const saved = new Map<number, MomentsUnit>();
  if (cache?.resume === true) {
    for (let b0 = start; b0 < end; b0 += s.blockSize) {
      const index = Math.floor(b0 / s.blockSize);
      const unit = await loadBlock(cache.out, index, s);
      if (unit !== null) saved.set(index, unit);
    }
  }
  let done = 0;
  options.onSample?.(0, end - start);
  for (let b0 = start; b0 < end; b0 += s.blockSize) {
    const b1 = Math.min(b0 + s.blockSize, end);
    const index = Math.floor(b0 / s.blockSize);
    let unit = saved.get(index) ?? null;
    if (unit === null) {
      unit = await empiricalMomentsUnit(config, b0, b1, {
        backend: options.backend,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        onSample: () => {
          done++;
          options.onSample?.(done, end - start);
        },
      });
      if (cache !== undefined) await saveBlock(cache.out, index, s, unit);
    } else {
      done += b1 - b0;
      options.onSample?.(done, end - start);
    }
    units.push(unit);
    options.onBlock?.(index);
  }
  const first = units[0] ?? (await empiricalMomentsUnit(config, start, end));
  return { ...first, start, end, blocks: units.flatMap((u) => u.blocks) };
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
 * @param cache - Block files for K > 1 (optional; see {@link measureMomentsUnit}).
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
  cache?: BlockCacheOptions,
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
  const unit = await measureMomentsUnit(s, x, 0, s.samples, options, cache);
  return { kind: 'moments', moments: mergeMomentsUnits([unit]) };
}
