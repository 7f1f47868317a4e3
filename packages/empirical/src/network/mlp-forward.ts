import { type Backend, cpuBackend, type FloatArray, type Matrix } from '@ntk/core';
import { checkMlp } from './check-mlp.ts';
import { checkInput, forwardPass } from './forward-pass.ts';
import type { Mlp } from './mlp.ts';

/** Options shared by the functions that run a network on a backend. */
export interface BackendOptions {
  /** Backend for the products and elementwise maps (default `cpuBackend()`, float64). */
  readonly backend?: Backend;
}

/**
 * The network's outputs f(X) = z^{L+1} for a batch, one product per layer (DESIGN §3):
 * z^l = s_l·a^{l−1}(W^l)ᵀ + t_l·b^l, a^l = φ(z^l), s_l = σ_w/√n_{l−1}, t_l = σ_b (NTK parameterisation) or 1, 1
 * (standard).
 *
 * @param net - Network from {@link initMlp} or {@link importMlpWeights}.
 * @param X - Inputs, N × d.
 * @param options - Backend.
 * @returns f(X), N × O, in the backend's precision.
 * @throws {ShapeError} If X does not have d columns. {@link @ntk/core!ArgumentTypeError} If `net` is not a network.
 * @example
 * ```ts
 * const y = await mlpForward(net, Matrix.fromRows([[1, 0, 0]])); // 1 × O
 * ```
 */
export async function mlpForward(
  net: Mlp,
  X: Matrix<FloatArray>,
  options: BackendOptions = {},
): Promise<Matrix<FloatArray>> {
  const fn = 'mlpForward';
  checkMlp(fn, net);
  const x = checkInput(fn, 'X', net, X);
  return (await forwardPass(net, x, options.backend ?? cpuBackend(), false)).output;
}
