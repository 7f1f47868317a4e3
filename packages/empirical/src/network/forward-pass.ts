import { type Backend, checkMatrix, type FloatArray, type Matrix, ShapeError } from '@ntk/core';
import { layerConstants } from './layer-constants.ts';
import type { Mlp } from './mlp.ts';

/** What a forward pass keeps: pre-activations z^1..z^L, post-activations a^0 = X, a^1..a^L, output z^{L+1}. */
export interface ForwardTrace {
  /** z^l for l = 1..L (index 0 = z¹), each N × n_l. */
  readonly pre: Matrix<FloatArray>[];
  /** a^l for l = 0..L (index 0 = the input X), each N × n_l. */
  readonly post: Matrix<FloatArray>[];
  /** f(X) = z^{L+1}, N × O. */
  readonly output: Matrix<FloatArray>;
}

/**
 * Checks that X is a matrix with `net.inputDim` columns.
 *
 * @param fn - Calling function.
 * @param argument - Argument name.
 * @param net - Network.
 * @param x - Candidate input.
 * @returns The matrix.
 * @throws {ShapeError} If the column count differs from the network's input dimension.
 */
export function checkInput(fn: string, argument: string, net: Mlp, x: unknown): Matrix<FloatArray> {
  const X = checkMatrix(fn, argument, x);
  if (X.cols !== net.inputDim) {
    throw new ShapeError(fn, argument, `N×${net.inputDim}`, X.shapeText, 'one row per input, d columns');
  }
  return X;
}

/**
 * The forward pass of a finite network, batched (one product per layer) and run on a backend, keeping the
 * pre- and post-activations that the backward pass and the structured NTK need.
 * z^l = s_l·a^{l−1}(W^l)ᵀ + t_l·b^l, a^l = φ(z^l), s_l, t_l as in {@link layerConstants}.
 *
 * @param net - Network.
 * @param X - Inputs, N × d.
 * @param backend - Backend running the products and maps.
 * @param keep - Keep z^l and a^l (else only the output is meaningful; the arrays stay empty).
 * @param weights - W^l in the backend's precision (default the network's own; see `backendWeights`).
 * @returns The trace.
 */
export async function forwardPass(
  net: Mlp,
  X: Matrix<FloatArray>,
  backend: Backend,
  keep: boolean,
  weights: readonly Matrix<FloatArray>[] = net.layers.map((l) => l.W),
): Promise<ForwardTrace> {
  const consts = layerConstants(net.spec, net.inputDim);
  const pre: Matrix<FloatArray>[] = [];
  const post: Matrix<FloatArray>[] = keep ? [X] : [];
  let a: Matrix<FloatArray> = X;
  const L = net.spec.depth;
  for (let l = 0; l <= L; l++) {
    const layer = net.layers[l]!;
    const k = consts[l]!;
    let z = await backend.matmul(a, weights[l]!, { transposeB: true, alpha: k.weightScale });
    if (k.hasBias) z = await backend.addRowVector(z, layer.b, k.biasScale);
    if (l === L) return { pre, post, output: z };
    a = await backend.map(z, net.activation.phi);
    if (keep) {
      pre.push(z);
      post.push(a);
    }
  }
  throw new Error('unreachable');
}
