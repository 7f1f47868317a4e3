import type { ActivationOps, Matrix, ResolvedMlpSpec } from '@ntk/core';

/**
 * One dense layer of a finite network: z = s·W·a + t·b with s = σ_w/√fan_in, t = σ_b in the NTK
 * parameterisation and s = t = 1 in the standard one (DESIGN §3).
 */
export interface MlpLayer {
  /** Weights W^l, n_l × n_{l−1} (row i holds the fan-in of unit i). */
  readonly W: Matrix;
  /** Biases b^l, length n_l (zeros, and not a parameter, when σ_b² = 0 for this layer). */
  readonly b: Float64Array;
}

/**
 * A finite fully-connected network: its resolved spec (finite widths), input dimension, the L + 1 layers
 * (L hidden, then the linear readout with `spec.outputs` units) and the activation φ, φ'.
 *
 * Forward pass (NTK parameterisation): z¹ = (σ_w/√d)W¹x + σ_b b¹, z^{l+1} = (σ_w/√n_l)W^{l+1}φ(z^l) + σ_b b^{l+1},
 * f(x) = z^{L+1}. Standard parameterisation: z^{l+1} = W^{l+1}φ(z^l) + b^{l+1}.
 *
 * @example
 * ```ts
 * const net: Mlp = initMlp({ activation: 'relu', depth: 2, widths: 64 }, key(0), 3);
 * net.layers[0].W.shape; // [64, 3]
 * ```
 */
export interface Mlp {
  /** The spec, with every width finite. */
  readonly spec: ResolvedMlpSpec;
  /** Input dimension d. */
  readonly inputDim: number;
  /** Layers 1..L+1 (index 0 is layer 1; the last is the readout). */
  readonly layers: readonly MlpLayer[];
  /** φ and φ' as backend-runnable ops. */
  readonly activation: ActivationOps;
}
