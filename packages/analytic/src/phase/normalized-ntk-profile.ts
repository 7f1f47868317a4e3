import { argumentError, Matrix, type MlpSpec, ShapeError } from '@ntk/core';
import type { MlpKernelsOptions } from '../layers/mlp-kernels.ts';
import { mlpKernels } from '../layers/mlp-kernels.ts';

/**
 * The depth profile of the normalised NTK, ρ_Θ^l = Θ^l(x, x')/√(Θ^l(x, x) Θ^l(x', x')) for l = 1..L+1 (the last
 * entry is the network's NTK, readout included), from ONE pass of the recursion (`mlpKernels` with
 * `layers: true`). In the ordered phase it tends to 1 with depth (inputs become indistinguishable to the NTK); in
 * the chaotic phase to a limit below 1 (Xiao, Pennington & Schoenholz 2020, "Disentangling trainability and
 * generalization in deep neural networks", arXiv 1912.13053).
 *
 * @param spec - The network (infinite width).
 * @param x1 - First input (length d).
 * @param x2 - Second input (length d).
 * @param options - Activation options of `mlpKernels` (method, quadrature).
 * @returns Float64Array of length L + 1; entry l − 1 is ρ_Θ^l.
 * @throws {ShapeError} If the inputs differ in length. Errors of `mlpKernels` for bad specs or inputs.
 * @example
 * ```ts
 * normalizedNtkProfile({ activation: 'relu', depth: 50, sigmaW2: 2 }, [1, 0], [0.6, 0.8]);
 * ```
 */
export function normalizedNtkProfile(
  spec: MlpSpec,
  x1: ArrayLike<number>,
  x2: ArrayLike<number>,
  options: Omit<MlpKernelsOptions, 'diagonal' | 'layers'> = {},
): Float64Array {
  const fn = 'normalizedNtkProfile';
  for (const [name, v] of [
    ['x1', x1],
    ['x2', x2],
  ] as const) {
    if (v === null || typeof v !== 'object' || typeof v.length !== 'number') {
      throw argumentError('type', fn, name, 'an array of numbers (one input)', v);
    }
  }
  if (x1.length !== x2.length)
    throw new ShapeError(fn, 'x2', `length ${x1.length}`, `length ${x2.length}`, 'same dimension as x1');
  const x = new Matrix(2, x1.length, Float64Array.from([...Array.from(x1), ...Array.from(x2)]));
  const r = mlpKernels(spec, x, undefined, { ...options, layers: true });
  const layers = r.layers ?? [];
  const out = new Float64Array(layers.length);
  layers.forEach((k, i) => {
    out[i] = k.ntk.get(0, 1) / Math.sqrt(k.ntk.get(0, 0) * k.ntk.get(1, 1));
  });
  return out;
}
