import type { Activation } from '@ntk/activations';
import { type ActivationMoments, qStar } from '@ntk/analytic';
import { NumericalError } from '@ntk/core';

/** |χ₁ − 1| ≤ this counts as the edge of chaos. */
export const EDGE_TOLERANCE = 1e-9;

/** The variance at which χ₁ is taken where q* does not exist (the variance grows without bound with depth). */
export const DIVERGENT_Q = 1e12;

/** The phase of one (σ_w², σ_b²) point. */
export type PhaseName = 'ordered' | 'edge-of-chaos' | 'chaotic';

/** Iterations of the variance map before a point counts as marginal. */
const MAX_ITERATIONS = 20_000;

/** One point of the phase diagram. */
export interface PhasePoint {
  /** σ_w². */
  readonly sigmaW2: number;
  /** σ_b². */
  readonly sigmaB2: number;
  /** The variance fixed point q*, or `null` where the variance diverges (or the map is too marginal to converge). */
  readonly qStar: number | null;
  /** χ₁ = σ_w² E[φ'(√q* z)²] (at q = {@link DIVERGENT_Q} where there is no q*). */
  readonly chi1: number;
  /** ordered (χ₁ < 1), edge of chaos (|χ₁ − 1| ≤ {@link EDGE_TOLERANCE}), chaotic (χ₁ > 1). */
  readonly phase: PhaseName;
}

/**
 * χ₁ at one (σ_w², σ_b²): the slope at c = 1 of the correlation map at the variance fixed point q*, χ₁ = σ_w²
 * E[φ'(√q* z)²], z ~ N(0, 1) (Poole et al. 2016, arXiv 1606.05340; Schoenholz et al. 2017, arXiv 1611.01232);
 * χ₁ < 1 is the ordered phase (nearby inputs converge with depth), χ₁ > 1 the chaotic one. q* comes from
 * `qStar` of `@ntk/analytic`. Where q* does not exist because the variance map diverges (e.g. ReLU with
 * σ_w² > 2), χ₁ is taken at the large variance {@link DIVERGENT_Q} that the layers head for, and `qStar` is
 * `null`: for positively homogeneous activations (ReLU, leaky ReLU) χ₁ does not depend on q, so this is exact.
 * Where the map is marginal (its iteration moves too slowly to settle in 20,000 steps): with σ_b² = 0 and
 * φ(0) = 0 a variance falling from 1 decays to the fixed point 0 (tanh and erf at their edge), so q* = 0;
 * otherwise (ReLU at σ_w² = 2 with σ_b² > 0, growing linearly) χ₁ is taken at the last iterate and `qStar`
 * is `null`.
 *
 * @param act - The resolved activation.
 * @param moments - Its moments (`activationMoments(act)`).
 * @param sigmaW2 - σ_w² > 0.
 * @param sigmaB2 - σ_b² ≥ 0.
 * @returns The point.
 * @throws The argument errors of `qStar` for bad variances.
 * @example
 * ```ts
 * const act = resolveActivation('relu');
 * chi1At(act, activationMoments(act), 3, 0).chi1; // 1.5 (chaotic)
 * ```
 */
export function chi1At(
  act: Activation,
  moments: ActivationMoments,
  sigmaW2: number,
  sigmaB2: number,
): PhasePoint {
  const out = new Float64Array(2);
  let q: number | null;
  let at: number;
  try {
    q = qStar(act, { sigmaW2, sigmaB2, maxIterations: MAX_ITERATIONS });
    at = q;
  } catch (error) {
    if (!(error instanceof NumericalError)) throw error;
    const last = (error.details as { q?: unknown } | undefined)?.q;
    if (typeof last !== 'number' || !Number.isFinite(last)) {
      q = null; // the variance diverges
      at = DIVERGENT_Q;
    } else {
      // Marginal: the iteration moves too slowly to settle. With σ_b² = 0 and φ(0) = 0, q = 0 is a fixed point,
      // and a variance that fell from q⁰ = 1 is decaying to it (algebraically: tanh, erf at their edge).
      moments.diag(0, out);
      q = sigmaB2 === 0 && out[0] === 0 && last < 1 ? 0 : null;
      at = q ?? last;
    }
  }
  moments.diag(at, out);
  const chi1 = sigmaW2 * (out[1] as number);
  const phase: PhaseName =
    Math.abs(chi1 - 1) <= EDGE_TOLERANCE ? 'edge-of-chaos' : chi1 < 1 ? 'ordered' : 'chaotic';
  return { sigmaW2, sigmaB2, qStar: q, chi1, phase };
}
