import { setImmediate } from 'node:timers/promises';
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
 * The σ_b² values of the edge-of-chaos curve: `count` of the grid's σ_b² values, evenly spread, ends included
 * (all of them when the grid has no more).
 *
 * @param sigmaB2 - The grid's σ_b² values.
 * @param count - How many (≥ 2).
 * @returns The picked values, in order.
 * @example
 * ```ts
 * edgeSigmaB2([0, 0.25, 0.5, 0.75, 1], 3); // [0, 0.5, 1]
 * ```
 */
export function edgeSigmaB2(sigmaB2: readonly number[], count: number): number[] {
  const n = sigmaB2.length;
  if (count >= n) return [...sigmaB2];
  const picked = new Set(Array.from({ length: count }, (_, k) => Math.round((k * (n - 1)) / (count - 1))));
  return [...picked].map((j) => sigmaB2[j] as number);
}

/**
 * The edge-of-chaos curve σ_w²(σ_b²), χ₁ = 1, at each σ_b² (`edgeOfChaos` of `@ntk/analytic`, searched over
 * {@link EDGE_SEARCH_RANGE}), with NaN turned into `null` for JSON. One σ_b² at a time, yielding to the event
 * loop in between (SIGINT) and reporting progress.
 *
 * @param activation - Activation name or mathjs expression.
 * @param sigmaB2 - The σ_b² values.
 * @param options - `signal` (checked between points), `onPoint(done, total)`.
 * @returns One point per σ_b².
 * @throws The argument errors of `edgeOfChaos`; the abort reason when the signal is aborted.
 * @example
 * ```ts
 * await edgeCurve('relu', [0, 0.5]); // σ_w² = 2 at both
 * ```
 */
export async function edgeCurve(
  activation: string,
  sigmaB2: readonly number[],
  options: { readonly signal?: AbortSignal; readonly onPoint?: (done: number, total: number) => void } = {},
): Promise<EdgePoint[]> {
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  const points: EdgePoint[] = [];
  for (const sb2 of sigmaB2) {
    options.signal?.throwIfAborted();
    const [p] = edgeOfChaos(activation, { sigmaB2Grid: [sb2], sigmaW2Range: EDGE_SEARCH_RANGE });
    if (p === undefined) continue;
    points.push({
      sigmaB2: p.sigmaB2,
      sigmaW2: finite(p.sigmaW2),
      qStar: finite(p.qStar),
      ...(p.reason !== undefined ? { reason: p.reason } : {}),
    });
    options.onPoint?.(points.length, sigmaB2.length);
    await setImmediate();
  }
  return points;
}
