import type { Activation } from '@ntk/activations';
import { argumentError } from '@ntk/core';
import { type CStarOptions, cStar } from './c-star.ts';
import { phaseInputs } from './phase-inputs.ts';
import { qStar, varianceMap } from './q-star.ts';

/** The phase of a deep network at initialisation. */
export type Phase = 'ordered' | 'edge-of-chaos' | 'chaotic';

/** Options of {@link phaseAnalysis}. */
export interface PhaseAnalysisOptions extends CStarOptions {
  /** |χ₁ − 1| ≤ tolerance counts as the edge of chaos (default 1e-9). */
  readonly tolerance?: number;
}

/** The result of {@link phaseAnalysis}. */
export interface PhaseAnalysis {
  /** Fixed point of the variance map. */
  readonly qStar: number;
  /** Stable fixed point of the correlation map (1 in the ordered phase). */
  readonly cStar: number;
  /** χ₁ = σ_w² E[φ'(√q* z)²]: the slope of the correlation map at c = 1. */
  readonly chi1: number;
  /** χ_c = σ_w² E[φ'(u₁)φ'(u₂)] at (q*, c*): the slope of the correlation map at c*. */
  readonly chiC: number;
  /** ordered (χ₁ < 1), edge of chaos (χ₁ = 1 within `tolerance`) or chaotic (χ₁ > 1). */
  readonly phase: Phase;
  /** Depth scale of the variance: ξ_q = −1/log V'(q*) (Infinity where V'(q*) = 1). */
  readonly xiQ: number;
  /** Depth scale of the correlation: ξ_c = −1/log χ_c (Infinity at the edge of chaos). */
  readonly xiC: number;
}

/**
 * Mean-field phase analysis of a deep fully-connected network at infinite width (Poole et al. 2016, arXiv
 * 1606.05340; Schoenholz et al. 2017, "Deep Information Propagation", arXiv 1611.01232): the fixed points
 * $q^* = V(q^*)$, $c^* = C(c^*)$, the slopes
 *
 * $$
 * \chi_1 = \sigma_w^2\, \mathbb E\big[\varphi'(\sqrt{q^*} z)^2\big], \qquad
 * \chi_c = \sigma_w^2\, \mathbb E\big[\varphi'(u_1)\,\varphi'(u_2)\big] \text{ at } (q^*, c^*),
 * $$
 *
 * and the depth scales $\xi_q^{-1} = -\log V'(q^*)$, $\xi_c^{-1} = -\log \chi_c$, over which perturbations of
 * the variance and of the correlation decay.
 * V'(q*) equals the paper's χ₁ + σ_w² E[φ''(u)φ(u)] (Gaussian integration by parts); it is computed here by a
 * central difference of the variance map, V'(q) ≈ (V(q(1 + h)) − V(q(1 − h)))/(2qh), h = 1e-5 (error O(h²),
 * ≈ 1e-10), which also covers kinked activations where φ'' does not exist.
 *
 * @param act - Activation name, mathjs expression or resolved activation.
 * @param options - σ_w², σ_b² (variances), starting points, tolerance of the edge.
 * @returns q*, c*, χ₁, χ_c, the phase and the depth scales.
 * @throws {ArgumentRangeError} For bad σ², activation or tolerance. {@link @ntk/core!NumericalError} If q* does
 *   not exist (the variance diverges).
 * @example
 * ```ts
 * phaseAnalysis('tanh', { sigmaW2: 1.5, sigmaB2: 0.05 }); // { phase: 'chaotic', chi1: 1.1…, … }
 * ```
 */
export function phaseAnalysis(act: string | Activation, options: PhaseAnalysisOptions): PhaseAnalysis {
  const { moments, sigmaW2 } = phaseInputs('phaseAnalysis', act, options);
  const tol = options.tolerance ?? 1e-9;
  if (typeof tol !== 'number' || !(tol >= 0))
    throw argumentError('range', 'phaseAnalysis', 'options.tolerance', 'a number ≥ 0', tol);
  const q = qStar(act, options);
  const c = cStar(act, options);
  const out = new Float64Array(3);
  moments.diag(q, out);
  const chi1 = sigmaW2 * (out[1] as number);
  let chiC = chi1;
  if (q > 0 && c < 1) {
    moments.pair(q, q, 1 - c, out);
    chiC = sigmaW2 * (out[2] as number);
  }
  const V = varianceMap(act, options);
  const h = 1e-5;
  const dV = q > 0 ? (V(q * (1 + h)) - V(q * (1 - h))) / (2 * q * h) : (V(h) - V(0)) / h;
  const phase: Phase = Math.abs(chi1 - 1) <= tol ? 'edge-of-chaos' : chi1 < 1 ? 'ordered' : 'chaotic';
  const scale = (x: number): number =>
    x >= 1 || x <= 0 ? (x === 1 ? Infinity : x <= 0 ? 0 : Infinity) : -1 / Math.log(x);
  return { qStar: q, cStar: c, chi1, chiC, phase, xiQ: scale(dV), xiC: scale(chiC) };
}
