import type { Activation } from '@ntk/activations';
import { NumericalError } from '@ntk/core';
import { type PhaseParameters, phaseInputs } from './phase-inputs.ts';

/** Options of {@link qStar}. */
export interface QStarOptions extends PhaseParameters {
  /** Starting variance q⁰ of the iteration (default 1): where the map has a continuum of fixed points (ReLU at
   * σ_w² = 2, σ_b² = 0) the result is q⁰. */
  readonly q0?: number;
  /** Largest number of iterations (default 100,000). */
  readonly maxIterations?: number;
}

/**
 * The length (variance) map of a deep network at infinite width, V(q) = σ_w² E[φ(√q z)²] + σ_b², z ~ N(0, 1):
 * the variance of the pre-activations of layer l + 1 given that of layer l (Poole et al. 2016, "Exponential
 * expressivity in deep neural networks through transient chaos", arXiv 1606.05340, eq. 3).
 *
 * @param act - Activation name, mathjs expression or resolved activation.
 * @param params - σ_w², σ_b².
 * @returns q ↦ V(q), for q ≥ 0.
 * @throws {ArgumentRangeError} For σ_w² ≤ 0, σ_b² < 0, a bad activation.
 * @example
 * ```ts
 * varianceMap('relu', { sigmaW2: 2, sigmaB2: 0.1 })(1); // 1.1
 * ```
 */
export function varianceMap(act: string | Activation, params: PhaseParameters): (q: number) => number {
  const { moments, sigmaW2, sigmaB2 } = phaseInputs('varianceMap', act, params);
  const out = new Float64Array(2);
  return (q: number): number => {
    moments.diag(q, out);
    return sigmaW2 * (out[0] as number) + sigmaB2;
  };
}

/**
 * The fixed point q* = V(q*) of the {@link varianceMap} reached from q⁰ by iterating the map (the variance every
 * input converges to with depth), computed by fixed-point iteration with Aitken Δ² (Steffensen) acceleration to
 * 1e-14 relative.
 *
 * @param act - Activation.
 * @param options - σ_w², σ_b², q⁰, iteration cap.
 * @returns q* ≥ 0.
 * @throws {NumericalError} If the variance diverges (no finite fixed point, e.g. ReLU with σ_w² > 2) or the
 *   iteration does not converge within the cap (e.g. exactly at a marginal point with σ_b² > 0).
 * @example
 * ```ts
 * qStar('relu', { sigmaW2: 1.5, sigmaB2: 0.1 }); // σ_b²/(1 − σ_w²/2) = 0.4
 * ```
 */
export function qStar(act: string | Activation, options: QStarOptions): number {
  const V = varianceMap(act, options);
  let q = options.q0 ?? 1;
  const cap = options.maxIterations ?? 100_000;
  for (let it = 0; it < cap; it++) {
    const q1 = V(q);
    if (!Number.isFinite(q1) || q1 > 1e15) {
      throw new NumericalError(
        'qStar',
        `the variance map diverges (q = ${q1} after ${it + 1} iterations): no finite fixed point q*.`,
        {
          iterations: it + 1,
        },
      );
    }
    if (Math.abs(q1 - q) <= 1e-14 * Math.max(q1, 1e-300)) return q1;
    if (q1 < 1e-200) return 0; // the zero fixed point (σ_b² = 0, ordered)
    const q2 = V(q1);
    const den = q2 - q1 - (q1 - q); // differences first: exact for nearby values
    // Aitken Δ² (clamped at 0, where rounding can leave it slightly negative), accepted only in the direction the
    // map moves, so that it never jumps back to a repelling fixed point.
    const aitken = den !== 0 ? Math.max(0, q - ((q1 - q) * (q1 - q)) / den) : q2;
    q = Number.isFinite(aitken) && Math.sign(aitken - q) === Math.sign(q1 - q) ? aitken : q2;
    if (q < 1e-300) return 0;
  }
  throw new NumericalError(
    'qStar',
    `no convergence in ${cap} iterations (last q = ${q}); the map is marginal here.`,
    { q },
  );
}
