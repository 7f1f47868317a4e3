/**
 * Estimated time remaining from the time spent so far, assuming the rest goes at the average rate so far:
 * remaining = elapsed · (1 − f) / (f − f₀), where f is the fraction done and f₀ the part of it that cost
 * nothing (points reused from a cache), so that reused work does not make the estimate optimistic.
 *
 * @param elapsedMs - Time spent so far (ms, ≥ 0).
 * @param fraction - Fraction done, in [0, 1].
 * @param freeFraction - Part of `fraction` that took no time (default 0).
 * @returns Milliseconds remaining; 0 when done; `null` when nothing has been measured yet (no rate).
 * @example
 * ```ts
 * estimateRemainingMs(1000, 0.25); // 3000
 * estimateRemainingMs(1000, 0.5, 0.25); // 2000
 * ```
 */
export function estimateRemainingMs(elapsedMs: number, fraction: number, freeFraction = 0): number | null {
  if (fraction >= 1) return 0;
  const worked = fraction - freeFraction;
  if (!(worked > 0) || !(elapsedMs >= 0) || !Number.isFinite(elapsedMs)) return null;
  return (elapsedMs * (1 - fraction)) / worked;
}
