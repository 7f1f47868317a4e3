import { argumentError, type Backend, type FloatArray, Matrix } from '@ntk/core';
import { backwardSignals, outputSeed } from './backward-signals.ts';
import { type ForwardTrace, forwardPass } from './forward-pass.ts';
import { layerConstants } from './layer-constants.ts';
import type { Mlp } from './mlp.ts';

/** Default ceiling on the bytes of a materialised Jacobian (1 GiB). */
export const DEFAULT_MAX_JACOBIAN_BYTES: number = 2 ** 30;

/**
 * Throws if an (rows × P) float64 Jacobian would exceed `maxBytes`.
 *
 * @param fn - Calling function.
 * @param rows - N·O.
 * @param params - P.
 * @param maxBytes - Ceiling.
 * @throws {ArgumentRangeError} Naming the bytes needed.
 */
export function checkJacobianSize(fn: string, rows: number, params: number, maxBytes: number): void {
  const need = rows * params * 8;
  if (need > maxBytes) {
    throw argumentError(
      'range',
      fn,
      'options.maxJacobianBytes',
      `≥ ${need} bytes for the ${rows}×${params} float64 Jacobian (or use method: 'structured', which never materialises it)`,
      maxBytes,
    );
  }
}

/**
 * Per-example output gradients, one block per layer: block l is (N·O) × P_l with row (i, a) =
 * ∂f_a(x_i)/∂θ_l, θ_l = (W^l row-major, then b^l if the layer has a bias):
 * ∂f_a(x_i)/∂W^l_{kj} = s_l·δ_l^a(x_i)_k·a^{l−1}(x_i)_j, ∂f_a(x_i)/∂b^l_k = t_l·δ_l^a(x_i)_k.
 *
 * @param net - Network.
 * @param X - Inputs (checked by the caller).
 * @param backend - Backend for the forward and backward passes.
 * @returns The blocks (index 0 = layer 1), float64, and the forward trace.
 */
export async function jacobianBlocks(
  net: Mlp,
  X: Matrix<FloatArray>,
  backend: Backend,
): Promise<{ blocks: Matrix[]; trace: ForwardTrace }> {
  const consts = layerConstants(net.spec, net.inputDim);
  const O = net.spec.outputs;
  const N = X.rows;
  const trace = await forwardPass(net, X, backend, true);
  const blocks: Matrix[] = new Array(net.spec.depth + 1);
  await backwardSignals(net, trace, outputSeed(N, O), O, backend, (l, delta) => {
    const k = consts[l]!;
    const A = trace.post[l]!.data;
    const D = delta.data;
    const nIn = k.fanIn;
    const nOut = k.fanOut;
    const P = nOut * nIn + (k.hasBias ? nOut : 0);
    const J = new Float64Array(N * O * P);
    for (let i = 0; i < N; i++) {
      for (let a = 0; a < O; a++) {
        const r = i * O + a;
        const row = r * P;
        for (let u = 0; u < nOut; u++) {
          const du = k.weightScale * (D[r * nOut + u] as number);
          const off = row + u * nIn;
          for (let j = 0; j < nIn; j++) J[off + j] = du * (A[i * nIn + j] as number);
        }
        if (k.hasBias) {
          const off = row + nOut * nIn;
          for (let u = 0; u < nOut; u++) J[off + u] = k.biasScale * (D[r * nOut + u] as number);
        }
      }
    }
    blocks[l] = new Matrix(N * O, P, J);
  });
  return { blocks, trace };
}
