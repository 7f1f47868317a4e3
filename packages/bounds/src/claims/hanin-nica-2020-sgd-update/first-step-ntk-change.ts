import { type Backend, type FloatArray, Matrix } from '@ntk/core';
import { type Mlp, mlpGradients } from '@ntk/empirical';

/** The result of {@link firstStepNtkChange}. */
export interface FirstStepNtkChange {
  /** Θ̂(x, x) before the step. */
  readonly before: number;
  /** Θ̂(x, x) after the step. */
  readonly after: number;
  /** f(x) before the step. */
  readonly output: number;
}

function sumSquares(g: Awaited<ReturnType<typeof mlpGradients>>): number {
  let s = 0;
  for (const layer of g.layers) {
    for (const v of layer.W.data) s += v * v;
    if (layer.b !== null) for (const v of layer.b) s += v * v;
  }
  return s;
}

/**
 * One gradient-descent step on the loss ½(f(x) − y)² of a single input, and the on-diagonal empirical NTK before
 * and after it. For a scalar output Θ̂(x, x) = Σ_θ (∂f(x)/∂θ)² = ‖∇_θ f(x)‖², so the NTK comes from the same
 * reverse pass as the step (`mlpGradients` with cotangent 1): θ' = θ − η (f(x) − y) ∇_θ f(x), every parameter
 * of the network as stored (NTK parameterisation: the N(0, 1) variables; biases included where the layer has them).
 *
 * @param net - Network (scalar output).
 * @param x - The input, 1 × d.
 * @param y - The target.
 * @param learningRate - η.
 * @param backend - Backend for the products.
 * @returns Θ̂(x, x) before and after, and f(x).
 * @throws What `mlpGradients` throws (wrong shapes).
 * @example
 * ```ts
 * const { before, after } = await firstStepNtkChange(net, x, 0, 0.01, cpuBackend());
 * ```
 */
export async function firstStepNtkChange(
  net: Mlp,
  x: Matrix<FloatArray>,
  y: number,
  learningRate: number,
  backend: Backend,
): Promise<FirstStepNtkChange> {
  const one = new Matrix(1, 1, Float64Array.of(1));
  const g = await mlpGradients(net, x, one, { backend });
  const output = g.output.data[0] as number;
  const step = learningRate * (output - y);
  const layers = net.layers.map((layer, l) => {
    const gl = g.layers[l] as { readonly W: Matrix; readonly b: Float64Array | null };
    const W = new Float64Array(layer.W.data.length);
    for (let i = 0; i < W.length; i++) W[i] = (layer.W.data[i] as number) - step * (gl.W.data[i] as number);
    const b = layer.b.slice();
    if (gl.b !== null)
      for (let i = 0; i < b.length; i++) b[i] = (b[i] as number) - step * (gl.b[i] as number);
    return { W: new Matrix(layer.W.rows, layer.W.cols, W), b };
  });
  const after = await mlpGradients({ ...net, layers }, x, one, { backend });
  return { before: sumSquares(g), after: sumSquares(after), output };
}
