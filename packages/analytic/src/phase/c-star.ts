import type { Activation } from '@ntk/activations';
import { argumentError, NumericalError } from '@ntk/core';
import { phaseInputs } from './phase-inputs.ts';
import { type QStarOptions, qStar } from './q-star.ts';

/** χ₁ ≤ 1 + this counts as ordered or critical in {@link cStar}: there c* = 1. */
const EDGE_TOLERANCE = 1e-9;

/** Options of {@link cStar}. */
export interface CStarOptions extends QStarOptions {
  /** Starting correlation c⁰ ∈ (−1, 1) (default 0). */
  readonly c0?: number;
}

/**
 * The correlation map at the variance fixed point q*, C(c) = (σ_w² E[φ(u₁)φ(u₂)] + σ_b²)/q* with (u₁, u₂) of
 * variance q* and correlation c (Poole et al. 2016, arXiv 1606.05340, eq. 5; Schoenholz et al. 2017, arXiv
 * 1611.01232). Returned as 1 − C in terms of s = 1 − c, which stays exact as c → 1:
 * 1 − C(c) = σ_w² (E[φ(u)²] − E[φ(u₁)φ(u₂)])/q*.
 *
 * @param act - Activation.
 * @param options - σ_w², σ_b² (and q* options).
 * @returns `{ qStar, map }`: map(c) = C(c) for c ∈ [−1, 1], and `gapMap(s)` = 1 − C(1 − s).
 * @throws {NumericalError} If q* does not exist (see {@link qStar}).
 * @example
 * ```ts
 * correlationMap('tanh', { sigmaW2: 2, sigmaB2: 0.05 }).map(0.5);
 * ```
 */
export function correlationMap(
  act: string | Activation,
  options: QStarOptions,
): { readonly qStar: number; readonly map: (c: number) => number; readonly gapMap: (s: number) => number } {
  const { moments, sigmaW2 } = phaseInputs('correlationMap', act, options);
  const q = qStar(act, options);
  const out = new Float64Array(3);
  const gapMap = (s: number): number => {
    if (q === 0) return 0; // every input collapses to the same (zero) variance: correlation 1
    moments.pair(q, q, s, out);
    return (sigmaW2 * (out[1] as number)) / q;
  };
  return { qStar: q, map: (c: number) => 1 - gapMap(1 - c), gapMap };
}

/**
 * The stable fixed point c* of the {@link correlationMap} reached from c⁰: 1 in the ordered phase and at the edge of
 * chaos (χ₁ ≤ 1 + 1e-9: inputs become perfectly correlated with depth), below 1 in the chaotic phase, where it is found
 * by iterating s ← 1 − C(1 − s) with Aitken acceleration to 1e-15 absolute in s.
 *
 * @param act - Activation.
 * @param options - σ_w², σ_b², c⁰, iteration cap.
 * @returns c* ∈ [−1, 1].
 * @throws {ArgumentRangeError} If c⁰ ∉ (−1, 1). {@link @ntk/core!NumericalError} If q* does not exist or no convergence.
 * @example
 * ```ts
 * cStar('relu', { sigmaW2: 1.5, sigmaB2: 0.1 }); // 1 (ordered)
 * ```
 */
export function cStar(act: string | Activation, options: CStarOptions): number {
  const c0 = options.c0 ?? 0;
  if (typeof c0 !== 'number' || !(c0 > -1 && c0 < 1))
    throw argumentError('range', 'cStar', 'options.c0', 'a number in (−1, 1)', c0);
  const { gapMap, qStar: q } = correlationMap(act, options);
  // c = 1 is always a fixed point; it is the stable one exactly when χ₁ = C'(1) ≤ 1 (ordered phase and the edge of
  // chaos, where the iteration would approach it only algebraically). Only the chaotic phase needs iterating.
  const { moments, sigmaW2 } = phaseInputs('cStar', act, options);
  const d = new Float64Array(2);
  moments.diag(q, d);
  if (sigmaW2 * (d[1] as number) <= 1 + EDGE_TOLERANCE) return 1;
  let s = 1 - c0;
  const cap = options.maxIterations ?? 100_000;
  for (let it = 0; it < cap; it++) {
    const s1 = gapMap(s);
    if (Math.abs(s1 - s) <= 1e-15) return 1 - s1;
    const s2 = gapMap(s1);
    const den = s2 - s1 - (s1 - s); // differences first: exact for nearby values
    const aitken = den !== 0 ? s - ((s1 - s) * (s1 - s)) / den : s2;
    s =
      Number.isFinite(aitken) && aitken >= 0 && aitken <= 2 && Math.sign(aitken - s) === Math.sign(s1 - s)
        ? aitken
        : s2;
    if (s < 1e-300) return 1;
  }
  throw new NumericalError('cStar', `no convergence in ${cap} iterations (last c = ${1 - s}).`, { c: 1 - s });
}
