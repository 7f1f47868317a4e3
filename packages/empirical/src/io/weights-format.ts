import type { MlpSpec } from '@ntk/core';

/** The `format` tag of a weights file. */
export const MLP_WEIGHTS_FORMAT = 'ntk-mlp-weights';

/** The version of the weights format written by {@link exportMlpWeights} (and the only one read). */
export const MLP_WEIGHTS_VERSION = 1;

/** One layer of a weights file. */
export interface MlpWeightsLayerJson {
  /** W^l: `shape` = [n_l, n_{l−1}], `data` row-major (entry (i, j) at i·n_{l−1} + j), float64 as JSON numbers. */
  readonly W: { readonly shape: readonly [number, number]; readonly data: readonly number[] };
  /** b^l (length n_l), or `null` for a layer without bias (σ_b² = 0). */
  readonly b: readonly number[] | null;
}

/**
 * The weights file of a finite network (JSON), for moving networks to and from other frameworks.
 *
 * ```json
 * { "format": "ntk-mlp-weights", "version": 1,
 *   "spec": { "activation": "relu", "depth": 1, "widths": [2], "sigmaW2": [2, 2], "sigmaB2": [0.1, 0.1],
 *             "parameterization": "ntk", "outputs": 1 },
 *   "inputDim": 3,
 *   "layers": [ { "W": { "shape": [2, 3], "data": [0.1, -1.2, 0.3, 0.5, 0.7, -0.4] }, "b": [0.2, -0.9] },
 *               { "W": { "shape": [1, 2], "data": [1.1, -0.6] }, "b": [0.05] } ] }
 * ```
 *
 * The values are the parameters as stored: in the NTK parameterisation the layer computes
 * z = (σ_w/√n_{l−1})·W·a + σ_b·b, so a PyTorch `nn.Linear` holding the same function has
 * `weight = σ_w/√n_{l−1}·W` and `bias = σ_b·b`; in the standard parameterisation the values are used as is.
 */
export interface MlpWeightsJson {
  /** Always `"ntk-mlp-weights"`. */
  readonly format: typeof MLP_WEIGHTS_FORMAT;
  /** Format version (1). */
  readonly version: number;
  /** The network's spec, finite widths. */
  readonly spec: MlpSpec;
  /** Input dimension d. */
  readonly inputDim: number;
  /** Layers 1..L+1, the readout last. */
  readonly layers: readonly MlpWeightsLayerJson[];
}
