import { resolveActivation } from '@ntk/activations';
import { activationMoments, normalizedNtkProfile } from '@ntk/analytic';
import { chi1At, type PhaseName } from './chi1-at.ts';
import type { EdgePoint } from './edge-curve.ts';
import type { VariancePoint } from './phase-settings.ts';

/** The two inputs of the profile: in ℝ², |x|²/d = 1, at 60° (correlation 1/2). */
export const PROFILE_INPUTS: readonly (readonly number[])[] = [
  [Math.SQRT2, 0],
  [Math.SQRT2 / 2, Math.sqrt(6) / 2],
];

/** The normalised NTK's depth profile at one (σ_w², σ_b²). */
export interface DepthProfile {
  /** σ_w². */
  readonly sigmaW2: number;
  /** σ_b². */
  readonly sigmaB2: number;
  /** The point's phase (from χ₁). */
  readonly phase: PhaseName;
  /** χ₁ there. */
  readonly chi1: number;
  /** ρ_Θ^l = Θ^l(x, x')/√(Θ^l(x, x) Θ^l(x', x')) for l = 1..L+1 (entry l − 1). */
  readonly rho: number[];
}

/**
 * The points of the depth profile when none are given: at the middle σ_b² of the edge-of-chaos curve, 0.75×, 1×
 * and 1.5× the edge σ_w² there (ordered, edge, chaotic); where there is no edge, the ends and the middle of
 * the σ_w² range.
 *
 * @param edge - The edge-of-chaos curve (non-empty).
 * @param sigmaW2Range - The diagram's σ_w² range.
 * @returns Three points.
 * @example
 * ```ts
 * defaultProfilePoints(edge, [0.5, 4]);
 * ```
 */
export function defaultProfilePoints(
  edge: readonly EdgePoint[],
  sigmaW2Range: readonly [number, number],
): VariancePoint[] {
  const middle = edge[Math.floor((edge.length - 1) / 2)];
  const sb2 = middle?.sigmaB2 ?? 0;
  const w = middle?.sigmaW2 ?? null;
  const [lo, hi] = sigmaW2Range;
  const ws = w !== null ? [0.75 * w, w, 1.5 * w] : [lo, (lo + hi) / 2, hi];
  return ws.map((sigmaW2) => ({ sigmaW2, sigmaB2: sb2 }));
}

/**
 * The depth profile of the normalised NTK between {@link PROFILE_INPUTS} at each point (`normalizedNtkProfile` of
 * `@ntk/analytic`): it tends to 1 with depth in the ordered phase and stays below 1 in the chaotic phase (Xiao,
 * Pennington and Schoenholz 2020, arXiv 1912.13053).
 *
 * @param activation - Activation name or mathjs expression.
 * @param depth - Hidden layers L.
 * @param points - Where.
 * @returns One profile per point.
 * @throws `NumericalError` if the kernels overflow (very deep chaotic ReLU networks).
 * @example
 * ```ts
 * depthProfiles('relu', 20, [{ sigmaW2: 1.5, sigmaB2: 0.1 }]);
 * ```
 */
export function depthProfiles(
  activation: string,
  depth: number,
  points: readonly VariancePoint[],
): DepthProfile[] {
  const act = resolveActivation(activation);
  const moments = activationMoments(act);
  return points.map((p) => {
    const { chi1, phase } = chi1At(act, moments, p.sigmaW2, p.sigmaB2);
    const rho = normalizedNtkProfile(
      { activation, depth, sigmaW2: p.sigmaW2, sigmaB2: p.sigmaB2 },
      PROFILE_INPUTS[0] as number[],
      PROFILE_INPUTS[1] as number[],
    );
    return { sigmaW2: p.sigmaW2, sigmaB2: p.sigmaB2, phase, chi1, rho: Array.from(rho) };
  });
}
