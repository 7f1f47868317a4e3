import type { FloatArray, Matrix } from './matrix.ts';

/**
 * The pair of kernels every package passes around: the NNGP kernel Σ (the covariance of the outputs at
 * initialisation) and the neural tangent kernel Θ, both N1×N2.
 *
 * Conventions (DESIGN §3): NNGP = Σ^{L+1}, NTK = Θ^{L+1} = lim Σ_θ ∂f(x)/∂θ · ∂f(x')/∂θ (no 1/2, no 1/n).
 *
 * @example
 * ```ts
 * const k: Kernels = { nngp: Matrix.identity(2), ntk: Matrix.identity(2) };
 * ```
 */
export interface Kernels<T extends FloatArray = Float64Array> {
  /** NNGP kernel Σ(x1_i, x2_j). */
  readonly nngp: Matrix<T>;
  /** Neural tangent kernel Θ(x1_i, x2_j). */
  readonly ntk: Matrix<T>;
}
