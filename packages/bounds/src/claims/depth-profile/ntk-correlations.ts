import { mlpKernels } from '@ntk/analytic';
import { argumentError, Matrix, type MlpSpec } from '@ntk/core';

/** The infinite-width NTK of every depth 1..L of one network on one set of inputs. */
export interface NtkDepthProfile {
  /** `ntk[L − 1]`: the NTK Θ^{L+1} (readout included) of the network with L hidden layers, N×N. */
  readonly ntk: readonly Matrix[];
}

/**
 * The NTK of the networks with 1..`spec.depth` hidden layers on inputs x, all from ONE pass of the analytic
 * recursion (`mlpKernels` with `layers: true`): the readout of a depth-L network sees Θ^{L+1}, which is the
 * (L + 1)-th entry of the per-layer list of the depth-`spec.depth` network, because the layers below do not depend
 * on the layers above.
 *
 * @param spec - Network at infinite width (its `depth` is the largest depth wanted).
 * @param x - Inputs, N×d.
 * @param signal - Optional cancellation, checked before the pass.
 * @returns Θ for each depth 1..L.
 * @throws ArgumentRangeError if `spec.depth` < 1; the errors of `mlpKernels`.
 * @example
 * ```ts
 * ntkDepthProfile({ activation: 'relu', depth: 100, sigmaW2: 2 }, sphere(key(0), 4, 8)).ntk[99];
 * ```
 */
export function ntkDepthProfile(spec: MlpSpec, x: Matrix, signal?: AbortSignal): NtkDepthProfile {
  if (!(Number.isInteger(spec.depth) && spec.depth >= 1)) {
    throw argumentError('range', 'ntkDepthProfile', 'spec.depth', 'an integer ≥ 1', spec.depth);
  }
  signal?.throwIfAborted();
  const r = mlpKernels(spec, x, undefined, { layers: true });
  const layers = r.layers ?? [];
  // layers[l − 1] = Θ^l, l = 1..L+1; the depth-L network's NTK is Θ^{L+1} = layers[L].
  return { ntk: layers.slice(1).map((k) => k.ntk) };
}

/**
 * The normalised NTK ρ_ij = Θ_ij/√(Θ_ii Θ_jj) of a kernel matrix.
 *
 * @param k - Symmetric N×N kernel with a positive diagonal.
 * @returns The N×N matrix of ρ_ij (ones on the diagonal).
 * @example
 * ```ts
 * normalisedKernel(Matrix.fromRows([[4, 2], [2, 1]])); // [[1, 1], [1, 1]]
 * ```
 */
export function normalisedKernel(k: Matrix): Matrix {
  const n = k.rows;
  const out = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out.data[i * n + j] = i === j ? 1 : k.get(i, j) / Math.sqrt(k.get(i, i) * k.get(j, j));
    }
  }
  return out;
}

/**
 * The largest deviation of the off-diagonal entries of a matrix from a constant, max_{i≠j} |A_ij − c|.
 *
 * @param a - Square matrix.
 * @param c - The constant.
 * @returns The sup-deviation (0 for a 1×1 matrix).
 * @example
 * ```ts
 * offDiagonalDeviation(Matrix.fromRows([[1, 0.3], [0.3, 1]]), 0.25); // 0.05
 * ```
 */
export function offDiagonalDeviation(a: Matrix, c: number): number {
  let m = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) if (i !== j) m = Math.max(m, Math.abs(a.get(i, j) - c));
  }
  return m;
}
