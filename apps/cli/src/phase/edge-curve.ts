import { edgeOfChaos } from '@ntk/analytic';

/** One point of the edge-of-chaos curve as written to the files (`null` where there is none). */
export interface EdgePoint {
  /** σ_b². */
  readonly sigmaB2: number;
  /** σ_w² with χ₁ = 1, or `null`. */
  readonly sigmaW2: number | null;
  /** q* there, or `null` (none, or too marginal to pin down). */
  readonly qStar: number | null;
  /** Why there is no point, where there is none. */
  readonly reason?: string;
}

/** The σ_w² range searched for the edge (wider than a diagram, so that the curve's points outside it are known). */
export const EDGE_SEARCH_RANGE: readonly [number, number] = [1e-3, 1e3];

/**
 * The edge-of-chaos curve σ_w²(σ_b²), χ₁ = 1, at each σ_b² (`edgeOfChaos` of `@ntk/analytic`, searched over
 * {@link EDGE_SEARCH_RANGE}), with NaN turned into `null` for JSON.
 *
 * @param activation - Activation name or mathjs expression.
 * @param sigmaB2 - The σ_b² values.
 * @returns One point per σ_b².
 * @throws The argument errors of `edgeOfChaos`.
 * @example
 * ```ts
 * edgeCurve('relu', [0, 0.5]); // σ_w² = 2 at both
 * ```
 */
export function edgeCurve(activation: string, sigmaB2: readonly number[]): EdgePoint[] {
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  return edgeOfChaos(activation, { sigmaB2Grid: [...sigmaB2], sigmaW2Range: EDGE_SEARCH_RANGE }).map((p) => ({
    sigmaB2: p.sigmaB2,
    sigmaW2: finite(p.sigmaW2),
    qStar: finite(p.qStar),
    ...(p.reason !== undefined ? { reason: p.reason } : {}),
  }));
}
