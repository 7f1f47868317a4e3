import type { Matrix } from '@ntk/core';
import type { BackendOptions } from '../network/mlp-forward.ts';

/** How the empirical NTK is computed: `structured` (layer-wise Gram products, default) or `jacobian`. */
export type NtkMethod = 'structured' | 'jacobian';

/**
 * What is returned for O > 1 outputs: `trace` Σ_a Θ̂_aa (N1×N2), `mean` (1/O)Σ_a Θ̂_aa (N1×N2, the estimate
 * of the infinite-width Θ, since Θ̂ → Θ ⊗ I_O), or `full` the (N1·O)×(N2·O) matrix with entry
 * (i·O + a, j·O + b) = Θ̂_ab(x_i, x'_j). All three agree for O = 1.
 */
export type NtkOutputMode = 'trace' | 'mean' | 'full';

/** Options of {@link empiricalNtk}. */
export interface EmpiricalNtkOptions extends BackendOptions {
  /** `structured` (default) or `jacobian`. */
  readonly method?: NtkMethod;
  /** Output mode for vector outputs (default `trace`). */
  readonly outputMode?: NtkOutputMode;
  /** Only the diagonal Θ̂(x1_i, x2_i) (X2 omitted: Θ̂(x_i, x_i)); returned as N × 1 (`full`: N × O², the O×O block row-major). */
  readonly diagonal?: boolean;
  /** Also return the per-layer contributions Θ̂_l (default false). */
  readonly perLayer?: boolean;
  /** `jacobian` only: refuse to materialise more bytes than this (default 1 GiB). */
  readonly maxJacobianBytes?: number;
}

/** The result of {@link empiricalNtk}; every matrix is float64 whatever the backend. */
export interface EmpiricalNtk {
  /** Θ̂(X1, X2) in the requested output mode (or its diagonal). */
  readonly ntk: Matrix;
  /** Θ̂_l for layers 1..L+1 (index 0 = layer 1, last = readout), summing to `ntk`; `null` unless `perLayer`. */
  readonly layers: Matrix[] | null;
  /**
   * The empirical NNGP, the readout-feature kernel of each output: K̂(x, x') = σ_w,L+1²/n_L·⟨a^L(x), a^L(x')⟩
   * + σ_b,L+1² = E[f_a(x)f_a(x') | hidden layers], N1×N2 (or N×1 for `diagonal`), whatever `outputMode`.
   */
  readonly nngp: Matrix;
  /** The method that ran. */
  readonly method: NtkMethod;
  /** The output mode. */
  readonly outputMode: NtkOutputMode;
  /** Whether only the diagonal was computed. */
  readonly diagonal: boolean;
}
