/** How weights are scaled: `ntk` (W ~ N(0,1), scaled by σ_w/√fan_in in the forward pass) or `standard`
 * (W ~ N(0, σ_w²/fan_in), used directly). See DESIGN §3. */
export type Parameterization = 'ntk' | 'standard';

/**
 * One JSON-serialisable description of a fully-connected network, shared by every package, the CLI and
 * the playground.
 *
 * Network (NTK parameterisation, DESIGN §3), input x ∈ ℝ^d, depth L = number of hidden layers:
 * z¹ = (σ_w/√d) W¹x + σ_b b¹, z^{l+1} = (σ_w/√n_l) W^{l+1} φ(z^l) + σ_b b^{l+1}, f(x) = z^{L+1}.
 *
 * @example
 * ```ts
 * const spec: MlpSpec = { activation: 'relu', depth: 3, sigmaW2: 2, sigmaB2: 0.1 };           // infinite width
 * const finite: MlpSpec = { activation: 'tanh(x)', depth: 2, widths: [512, 256], sigmaW2: 1.5, sigmaB2: 0.05 };
 * ```
 */
export interface MlpSpec {
  /** A built-in activation name (`relu`, `erf`, `tanh`, …) or a mathjs expression in `x`. */
  readonly activation: string;
  /** The derivative φ' as a mathjs expression in `x`, where mathjs cannot find it (erf, max, …). */
  readonly activationDerivative?: string;
  /** Number of hidden layers L (0 = a linear model). */
  readonly depth: number;
  /** Hidden widths n_1..n_L: one number for all, or an array of L; omitted means infinite width. */
  readonly widths?: number | readonly number[];
  /** σ_w²: one value for every layer, or an array of L+1 (layers 1..L+1, the readout last). Default 1. */
  readonly sigmaW2?: number | readonly number[];
  /** σ_b²: one value for every layer, or an array of L+1. 0 means no bias. Default 0. */
  readonly sigmaB2?: number | readonly number[];
  /** `ntk` (default) or `standard`. */
  readonly parameterization?: Parameterization;
  /** Output dimension O of the linear readout (default 1). */
  readonly outputs?: number;
}

/** An {@link MlpSpec} with every default filled in and every per-layer value expanded. */
export interface ResolvedMlpSpec {
  /** Activation name or expression, as given. */
  readonly activation: string;
  /** Derivative expression, where given. */
  readonly activationDerivative?: string;
  /** Number of hidden layers L. */
  readonly depth: number;
  /** Hidden widths n_1..n_L, or `null` for infinite width. */
  readonly widths: readonly number[] | null;
  /** σ_w² for layers 1..L+1. */
  readonly sigmaW2: readonly number[];
  /** σ_b² for layers 1..L+1. */
  readonly sigmaB2: readonly number[];
  /** `ntk` or `standard`. */
  readonly parameterization: Parameterization;
  /** Output dimension O. */
  readonly outputs: number;
}
