import type { Backend, FloatArray, Matrix } from '@ntk/core';
import { layerConstants, type Mlp } from '@ntk/empirical';

/** Result of {@link forwardTangent}. */
export interface TangentTrace {
  /** a^1..a^L (post-activations of the hidden layers), each N × n_l, float64. */
  readonly hidden: Matrix[];
  /** f(X), N×O. */
  readonly output: Matrix;
  /** J(X)·Δθ (the directional derivative of f along Δθ), N×O; null without a direction. */
  readonly tangent: Matrix | null;
}

/**
 * Forward pass keeping the hidden activations and, optionally, the forward-mode tangent (JVP)
 * ż^l = s_l(ȧ^{l−1}W^{lᵀ} + a^{l−1}ΔW^{lᵀ}) + t_l·Δb^l, ȧ^l = φ'(z^l) ⊙ ż^l, ȧ^0 = 0.
 *
 * @param net - Network at which to evaluate.
 * @param X - Inputs, N×d.
 * @param delta - Direction Δθ in the layers' shapes, or null.
 * @param backend - Backend for the products and maps.
 * @returns The trace.
 */
export async function forwardTangent(
  net: Mlp,
  X: Matrix<FloatArray>,
  delta: ReadonlyArray<{ readonly W: Matrix; readonly b: Float64Array }> | null,
  backend: Backend,
): Promise<TangentTrace> {
  const scales = layerConstants(net.spec, net.inputDim);
  const L = net.spec.depth;
  const hidden: Matrix[] = [];
  let a: Matrix<FloatArray> = X;
  let da: Matrix<FloatArray> | null = null;
  for (let l = 0; l <= L; l++) {
    const layer = net.layers[l]!;
    const sc = scales[l]!;
    let z = await backend.matmul(a, layer.W, { transposeB: true, alpha: sc.weightScale });
    if (sc.hasBias) z = await backend.addRowVector(z, layer.b, sc.biasScale);
    let dz: Matrix<FloatArray> | null = null;
    if (delta !== null) {
      const d = delta[l]!;
      dz = await backend.matmul(a, d.W, { transposeB: true, alpha: sc.weightScale });
      if (da !== null)
        dz = await backend.zip(
          dz,
          await backend.matmul(da, layer.W, { transposeB: true, alpha: sc.weightScale }),
          'add',
        );
      if (sc.hasBias) dz = await backend.addRowVector(dz, d.b, sc.biasScale);
    }
    if (l === L) {
      return { hidden, output: z.toFloat64(), tangent: dz === null ? null : dz.toFloat64() };
    }
    a = await backend.map(z, net.activation.phi);
    hidden.push(a.toFloat64());
    if (dz !== null) da = await backend.zip(await backend.map(z, net.activation.dphi), dz, 'mul');
  }
  throw new Error('unreachable');
}
