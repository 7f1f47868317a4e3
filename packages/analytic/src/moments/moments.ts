import type { Activation } from '@ntk/activations';

/**
 * The Gaussian expectations of an activation that the kernel recursions need, for (u, v) ~ N(0, [[q1, c], [c, q2]]).
 *
 * The correlation enters as s = 1 − ρ ∈ [0, 2] (ρ = c/√(q1 q2)), never as ρ, so that nothing is lost to cancellation
 * when ρ → 1; the result carries the "gap" √(E[φ(u)²] E[φ(v)²]) − E[φ(u)φ(v)] ≥ 0 computed without cancellation, from
 * which the next layer's s follows (see {@link KernelState}).
 *
 * @example
 * ```ts
 * const m = activationMoments(resolveActivation('relu'));
 * const out = new Float64Array(3);
 * m.pair(1, 1, 0.5, out); // out = [E φφ, gap, E φ'φ'] at ρ = 0.5
 * ```
 */
export interface ActivationMoments {
  /** The activation. */
  readonly activation: Activation;
  /** `closed-form` or `quadrature` (see {@link QuadratureOptions}). */
  readonly method: 'closed-form' | 'quadrature';
  /**
   * One-point moments at variance q ≥ 0: `out[0]` = E[φ(√q z)²], `out[1]` = E[φ'(√q z)²], z ~ N(0, 1).
   * @param q - Variance.
   * @param out - Output of length ≥ 2.
   */
  diag(q: number, out: Float64Array): void;
  /**
   * Two-point moments for q1, q2 > 0 and s = 1 − ρ ∈ [0, 2]: `out[0]` = E[φ(u)φ(v)], `out[1]` = gap =
   * √(E[φ(u)²]E[φ(v)²]) − E[φ(u)φ(v)], `out[2]` = E[φ'(u)φ'(v)].
   * @param q1 - Var u.
   * @param q2 - Var v.
   * @param s - 1 − ρ.
   * @param out - Output of length ≥ 3.
   */
  pair(q1: number, q2: number, s: number, out: Float64Array): void;
}
