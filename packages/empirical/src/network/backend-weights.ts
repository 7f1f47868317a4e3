import type { Backend, FloatArray, Matrix } from '@ntk/core';
import type { Mlp } from './mlp.ts';

/**
 * The weight matrices W^1..W^{L+1} in the backend's precision, converted once per call so that a float32
 * backend does not round the same float64 weights on every product that reads them (forward and backward).
 * Float64 backends get the network's own matrices (no copy). The result must not outlive the call: weights
 * may be updated in place between calls (training).
 *
 * @param net - Network.
 * @param backend - Backend whose `info.dtype` decides the precision.
 * @returns One matrix per layer.
 */
export function backendWeights(net: Mlp, backend: Backend): Matrix<FloatArray>[] {
  if (backend.info.dtype !== 'float32') return net.layers.map((l) => l.W);
  return net.layers.map((l) => l.W.toFloat32());
}
