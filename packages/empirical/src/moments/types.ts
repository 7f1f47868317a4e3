import type { Key, Matrix, MlpSpec } from '@ntk/core';
import type { NtkOutputMode } from '../ntk/types.ts';

/**
 * What a Monte-Carlo run estimates: the moments over K random initialisations key_k = foldIn(key, k),
 * k = 0..K−1, of the empirical NTK Θ̂(X1, X2), the empirical NNGP and (optionally) the per-layer Θ̂_l.
 * Everything here is plain data, so that the same config can be sent to workers, other processes or other
 * machines.
 */
export interface MomentsConfig {
  /** Network spec with finite widths (activation resolved by `@ntk/activations` in every worker). */
  readonly spec: MlpSpec;
  /** Inputs X1, N1 × d. */
  readonly X1: Matrix;
  /** Inputs X2, N2 × d (omitted: X1). */
  readonly X2?: Matrix;
  /** Base key; initialisation k uses foldIn(key, k). */
  readonly key: Key;
  /** Number of initialisations K (≥ 1). */
  readonly samples: number;
  /** Also the per-layer contributions Θ̂_l (default false). */
  readonly perLayer?: boolean;
  /** Output mode for vector outputs (default `mean`: the estimate of the infinite-width Θ). */
  readonly outputMode?: NtkOutputMode;
  /** Only these entries [i, j] of each matrix (default: every entry). */
  readonly entries?: ReadonlyArray<readonly [number, number]>;
  /** Keys per block, the unit of the deterministic merge (default 8); units are whole blocks. */
  readonly blockSize?: number;
}

/** Moments of one quantity (a matrix, or the chosen entries as a column), all float64. */
export interface MomentStats {
  /** Sample mean m = (1/K)Σ_k x_k. */
  readonly mean: Matrix;
  /** Unbiased sample variance s² = Σ_k (x_k − m)²/(K − 1) (0 for K = 1). */
  readonly variance: Matrix;
  /** Standard error of the mean, √(s²/K). */
  readonly stdError: Matrix;
  /** E[x²]/E[x]² with the plug-in moments: (M2/K + m²)/m² (Infinity where m = 0). */
  readonly ratio: Matrix;
  /** The whole-matrix ratio E[‖x‖²_F]/‖E[x]‖²_F = Σ_ij (M2_ij/K + m_ij²) / Σ_ij m_ij² (1 for a deterministic kernel). */
  readonly frobeniusRatio: number;
}

/** The result of a Monte-Carlo run. */
export interface EmpiricalMoments {
  /** Number of initialisations K. */
  readonly samples: number;
  /** Moments of Θ̂. */
  readonly ntk: MomentStats;
  /** Moments of the empirical NNGP. */
  readonly nngp: MomentStats;
  /** Moments of Θ̂_l, layers 1..L+1 (null unless `perLayer`). */
  readonly layers: MomentStats[] | null;
  /** Shape of each statistic: the kernel's shape, or [E, 1] for E chosen entries. */
  readonly shape: readonly [number, number];
  /** A fingerprint of the config (spec, inputs, key, K, block size, options), checked by the merge. */
  readonly fingerprint: string;
}

/**
 * Welford state of one block of keys, per quantity (`ntk`, `nngp`, then the layers): count, mean and M2 =
 * Σ(x − mean)², as plain number arrays so that a unit survives JSON exactly.
 */
export interface MomentsBlock {
  /** Block index b: keys [b·blockSize, min((b+1)·blockSize, K)). */
  readonly index: number;
  /** Keys in the block. */
  readonly count: number;
  /** Per quantity: running means. */
  readonly mean: number[][];
  /** Per quantity: M2. */
  readonly m2: number[][];
}

/** The result of one unit of work: the blocks of keys [start, end), unmerged. JSON-serialisable. */
export interface MomentsUnit {
  /** Config fingerprint. */
  readonly fingerprint: string;
  /** First key index. */
  readonly start: number;
  /** One past the last key index. */
  readonly end: number;
  /** Keys per block. */
  readonly blockSize: number;
  /** Total keys K of the run. */
  readonly samples: number;
  /** Statistic shape. */
  readonly shape: readonly [number, number];
  /** Number of per-layer quantities (0 unless perLayer). */
  readonly layers: number;
  /** The blocks, in order. */
  readonly blocks: MomentsBlock[];
}

/** Progress of a Monte-Carlo run. */
export interface MomentsProgress {
  /** Initialisations done. */
  readonly done: number;
  /** K. */
  readonly total: number;
}
