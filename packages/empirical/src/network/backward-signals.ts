import type { Backend, FloatArray, Matrix } from '@ntk/core';
import { Matrix as M } from '@ntk/core';
import type { ForwardTrace } from './forward-pass.ts';
import { layerConstants } from './layer-constants.ts';
import type { Mlp } from './mlp.ts';

/**
 * Repeats every row of a matrix `times` times (row i becomes rows i·times .. i·times + times − 1).
 *
 * @param x - Source, N × n.
 * @param times - Repeat count.
 * @returns (N·times) × n (x itself when times = 1).
 */
export function repeatRows(x: Matrix<FloatArray>, times: number): Matrix<FloatArray> {
  if (times === 1) return x;
  const { rows, cols, data } = x;
  const out = new Float64Array(rows * times * cols);
  for (let i = 0; i < rows; i++) {
    const src = data.subarray(i * cols, (i + 1) * cols);
    for (let r = 0; r < times; r++) out.set(src, (i * times + r) * cols);
  }
  return new M(rows * times, cols, out);
}

/**
 * Back-propagates cotangents through a traced forward pass, calling `visit` for each layer from the readout
 * down: visit(l, Δ_l) with Δ_{L+1} = the seed and Δ_l = s_{l+1}·(Δ_{l+1}W^{l+1}) ⊙ φ'(z^l), where the rows of
 * φ'(z^l) are repeated `rowsPerInput` times (one row per (input, output) pair when the seed is the identity).
 *
 * @param net - Network.
 * @param trace - Forward trace (with `keep`).
 * @param seed - Δ_{L+1}, (N·rowsPerInput) × O.
 * @param rowsPerInput - Rows of the seed per input (1 for a loss cotangent, O for per-output signals).
 * @param backend - Backend.
 * @param visit - Called with the 0-based layer index (0 = layer 1) and Δ for that layer.
 * @param weights - W^l in the backend's precision (default the network's own; see `backendWeights`).
 */
export async function backwardSignals(
  net: Mlp,
  trace: ForwardTrace,
  seed: Matrix<FloatArray>,
  rowsPerInput: number,
  backend: Backend,
  visit: (layer: number, delta: Matrix<FloatArray>) => Promise<void> | void,
  weights: readonly Matrix<FloatArray>[] = net.layers.map((l) => l.W),
): Promise<void> {
  const consts = layerConstants(net.spec, net.inputDim);
  let delta = seed;
  for (let l = net.spec.depth; l >= 0; l--) {
    await visit(l, delta);
    if (l === 0) break;
    const back = await backend.matmul(delta, weights[l]!, { alpha: consts[l]!.weightScale });
    const d = await backend.map(trace.pre[l - 1]!, net.activation.dphi);
    delta = await backend.zip(back, repeatRows(d, rowsPerInput), 'mul');
  }
}

/**
 * The seed for per-output signals: (N·O) × O, row (i, a) = e_a.
 *
 * @param n - Number of inputs.
 * @param outputs - O.
 * @returns The seed matrix.
 */
export function outputSeed(n: number, outputs: number): Matrix {
  const data = new Float64Array(n * outputs * outputs);
  for (let i = 0; i < n; i++) for (let a = 0; a < outputs; a++) data[(i * outputs + a) * outputs + a] = 1;
  return new M(n * outputs, outputs, data);
}
