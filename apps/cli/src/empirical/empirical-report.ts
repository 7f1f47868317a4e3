import { NTK_VERSIONS } from '@ntk/bounds';
import type { Matrix } from '@ntk/core';
import type { EmpiricalMoments, EmpiricalNtk } from '@ntk/empirical';
import { CLI_VERSION } from '../version.ts';
import { analyticKernels } from './analytic-kernels.ts';
import type { EmpiricalSettings } from './empirical-settings.ts';
import { type KernelDeviation, kernelDeviation } from './kernel-deviation.ts';

/** How the keys of a run are derived from its seed (written into `empirical.json`). */
export const EMPIRICAL_KEYS_NOTE =
  'data: foldIn(key(seed), 0); initialisation k = 0..K−1: foldIn(foldIn(key(seed), 1), k)';

/** What was measured: one network's empirical NTK, or Monte-Carlo moments over K initialisations. */
export type EmpiricalMeasurement =
  | { readonly kind: 'single'; readonly result: EmpiricalNtk }
  | { readonly kind: 'moments'; readonly moments: EmpiricalMoments };

/** A kernel's Monte-Carlo statistics in `empirical.json` (matrices as arrays of rows). */
export interface KernelStatsJson {
  /** The sample mean over the K initialisations (K = 1: the one network's kernel). */
  readonly mean: number[][];
  /** Unbiased sample variance (null for K = 1). */
  readonly variance: number[][] | null;
  /** Standard error of the mean √(s²/K) (null for K = 1). */
  readonly stdError: number[][] | null;
}

/** The content of `empirical.json`: settings, versions, inputs, the empirical and analytic kernels and their deviation. */
export interface EmpiricalReport {
  /** Always `'ntk-empirical'`. */
  readonly format: 'ntk-empirical';
  /** Version of this format (1). */
  readonly formatVersion: 1;
  /** The run's settings (canonical key order). */
  readonly settings: EmpiricalSettings;
  /** Versions of the `@ntk` packages and of the CLI. */
  readonly versions: Readonly<Record<string, string>>;
  /** How the keys follow from the seed. */
  readonly keys: string;
  /** The inputs: description and the points (N×d). */
  readonly data: {
    readonly description: string;
    readonly n: number;
    readonly d: number;
    readonly x: number[][];
  };
  /** `single` (K = 1) or `moments` (K > 1). */
  readonly kind: 'single' | 'moments';
  /** The empirical kernels: NTK Θ̂, NNGP K̂ and (with `perLayer`) the per-layer Θ̂_l, layers 1..L+1. */
  readonly empirical: {
    readonly ntk: KernelStatsJson;
    readonly nngp: KernelStatsJson;
    readonly layers: KernelStatsJson[] | null;
  };
  /** The analytic kernels (`mlpKernels`): infinite-width Θ and Σ (standard parameterisation: at the finite width). */
  readonly analytic: { readonly ntk: number[][]; readonly nngp: number[][] };
  /** Deviation of the empirical (mean) kernels from the analytic ones. */
  readonly deviation: { readonly ntk: KernelDeviation; readonly nngp: KernelDeviation };
}

const rows = (m: Matrix): number[][] => m.toArray();

/**
 * Builds `empirical.json`'s content from a measurement: a pure function of the settings, the inputs and the
 * measured numbers (no time, no host), so a merged sharded run gives the same bytes as a single run.
 *
 * @param settings - Canonical settings.
 * @param x - The inputs, N×d.
 * @param description - The data's description.
 * @param measured - One network's NTK or the merged Monte-Carlo moments.
 * @returns The report.
 * @throws As `mlpKernels` for the analytic side.
 * @example
 * ```ts
 * const report = buildEmpiricalReport(settings, x, 'points', { kind: 'single', result });
 * ```
 */
export function buildEmpiricalReport(
  settings: EmpiricalSettings,
  x: Matrix,
  description: string,
  measured: EmpiricalMeasurement,
): EmpiricalReport {
  const analytic = analyticKernels(settings, x);
  let ntk: KernelStatsJson;
  let nngp: KernelStatsJson;
  let layers: KernelStatsJson[] | null;
  let deviation: EmpiricalReport['deviation'];
  if (measured.kind === 'single') {
    const r = measured.result;
    const single = (m: Matrix): KernelStatsJson => ({ mean: rows(m), variance: null, stdError: null });
    ntk = single(r.ntk);
    nngp = single(r.nngp);
    layers = r.layers === null ? null : r.layers.map(single);
    deviation = { ntk: kernelDeviation(r.ntk, analytic.ntk), nngp: kernelDeviation(r.nngp, analytic.nngp) };
  } else {
    const m = measured.moments;
    const stats = (s: EmpiricalMoments['ntk']): KernelStatsJson => ({
      mean: rows(s.mean),
      variance: rows(s.variance),
      stdError: rows(s.stdError),
    });
    ntk = stats(m.ntk);
    nngp = stats(m.nngp);
    layers = m.layers === null ? null : m.layers.map(stats);
    deviation = {
      ntk: kernelDeviation(m.ntk.mean, analytic.ntk, m.ntk.stdError),
      nngp: kernelDeviation(m.nngp.mean, analytic.nngp, m.nngp.stdError),
    };
  }
  return {
    format: 'ntk-empirical',
    formatVersion: 1,
    settings,
    versions: { ...NTK_VERSIONS, '@ntk/cli': CLI_VERSION },
    keys: EMPIRICAL_KEYS_NOTE,
    data: { description, n: x.rows, d: x.cols, x: rows(x) },
    kind: measured.kind,
    empirical: { ntk, nngp, layers },
    analytic: { ntk: rows(analytic.ntk), nngp: rows(analytic.nngp) },
    deviation,
  };
}
