import { checkMatrix, cpuBackend, type FloatArray, Matrix, ShapeError } from '@ntk/core';
import { backendWeights } from './backend-weights.ts';
import { backwardSignals } from './backward-signals.ts';
import { checkMlp } from './check-mlp.ts';
import { checkInput, forwardPass } from './forward-pass.ts';
import { layerConstants } from './layer-constants.ts';
import type { Mlp } from './mlp.ts';
import type { BackendOptions } from './mlp-forward.ts';

/** Gradients of a scalar with respect to every parameter, in the shapes of the network's layers. */
export interface MlpGradients {
  /** Per layer 1..L+1: ∂ℓ/∂W^l (n_l × n_{l−1}) and ∂ℓ/∂b^l (length n_l; `null` for a layer without bias). */
  readonly layers: ReadonlyArray<{ readonly W: Matrix; readonly b: Float64Array | null }>;
  /** The forward output f(X), N × O (computed on the way). */
  readonly output: Matrix<FloatArray>;
}

/**
 * Reverse-mode gradient of a scalar loss ℓ(f(X)) with respect to the parameters, given the cotangent
 * G = ∂ℓ/∂f(X) (N × O): with Δ_{L+1} = G and Δ_l = s_{l+1}·(Δ_{l+1}W^{l+1}) ⊙ φ'(z^l),
 * ∂ℓ/∂W^l = s_l·Δ_lᵀ a^{l−1} and ∂ℓ/∂b^l = t_l·Σ_i Δ_l[i, :] (s_l, t_l as in the forward pass).
 * For the mean squared error ℓ = ½Σ(f − Y)², pass G = f(X) − Y.
 *
 * @param net - Network.
 * @param X - Inputs, N × d.
 * @param cotangent - ∂ℓ/∂f(X), N × O.
 * @param options - Backend.
 * @returns The gradients and f(X).
 * @throws {ShapeError} If X or the cotangent has the wrong shape.
 * @example
 * ```ts
 * const f = await mlpForward(net, X);
 * const g = await mlpGradients(net, X, residual); // residual = f − Y
 * ```
 */
export async function mlpGradients(
  net: Mlp,
  X: Matrix<FloatArray>,
  cotangent: Matrix<FloatArray>,
  options: BackendOptions = {},
): Promise<MlpGradients> {
  const fn = 'mlpGradients';
  checkMlp(fn, net);
  const x = checkInput(fn, 'X', net, X);
  const G = checkMatrix(fn, 'cotangent', cotangent);
  if (G.rows !== x.rows || G.cols !== net.spec.outputs) {
    throw new ShapeError(
      fn,
      'cotangent',
      `${x.rows}×${net.spec.outputs}`,
      G.shapeText,
      'one row per input, O columns',
    );
  }
  const backend = options.backend ?? cpuBackend();
  const consts = layerConstants(net.spec, net.inputDim);
  const Ws = backendWeights(net, backend);
  const trace = await forwardPass(net, x, backend, true, Ws);
  const layers: { W: Matrix; b: Float64Array | null }[] = new Array(net.spec.depth + 1);
  const visit = async (l: number, delta: Matrix<FloatArray>): Promise<void> => {
    const k = consts[l]!;
    const gW = await backend.matmul(delta, trace.post[l]!, { transposeA: true, alpha: k.weightScale });
    let gb: Float64Array | null = null;
    if (k.hasBias) {
      gb = await backend.reduce(delta, 'sum', 'cols');
      for (let i = 0; i < gb.length; i++) gb[i] = k.biasScale * (gb[i] as number);
    }
    layers[l] = { W: gW.data instanceof Float64Array ? (gW as Matrix) : Matrix.fromFloat32(gW), b: gb };
  };
  await backwardSignals(net, trace, G, 1, backend, visit, Ws);
  return { layers, output: trace.output };
}
