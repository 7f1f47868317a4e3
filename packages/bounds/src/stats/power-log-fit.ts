import { argumentError } from '@ntk/core';
import type { Estimate } from '../claim/types.ts';

/** The result of {@link powerLogFit}. */
export interface PowerLogFit {
  /** The decay exponent γ with its standard error (from the curvature of the relative residual sum). */
  readonly exponent: Estimate;
  /** Coefficient a of the logarithm. */
  readonly a: number;
  /** Constant b. */
  readonly b: number;
  /** Residual sum of squares Σ((y − model)/s)² at the optimum (s = y: relative). */
  readonly rss: number;
}

/**
 * Fits y(L) ≈ (a·ln L + b)·L^{−γ} by least squares on the scaled residuals rᵢ = (yᵢ − (a ln Lᵢ + b)Lᵢ^{−γ})/sᵢ,
 * sᵢ = yᵢ by default (relative residuals; y > 0 needed) or given scales (then y may take either sign, e.g. a
 * signed deviation that crosses zero): for a fixed γ the problem is linear in (a, b); γ is found by golden-section
 * search of the profile residual sum RSS(γ) on [γ_lo, γ_hi]. This is the form of a polynomial rate with an optional
 * logarithmic factor (a = 0: a pure power; b/a large: a logarithm with a slowly decaying correction), so γ is the
 * polynomial exponent whatever the logarithm does.
 *
 * Error of γ: the nonlinear least-squares (Gauss–Newton) value SE(γ) = √(2s²/RSS''(γ̂)), s² = RSS/(n − 3), with
 * RSS'' by a central difference. For deterministic data this measures how well the model fits (model misfit), not
 * randomness.
 *
 * @param depths - Abscissae L (at least four, > 1, distinct).
 * @param values - Ordinates y (> 0 unless `scales` is given), e.g. a deviation at each L.
 * @param range - Search interval of γ (default [0.05, 4]).
 * @param scales - Optional positive residual scales sᵢ (default: yᵢ).
 * @returns γ ± SE, a, b and the relative RSS.
 * @throws ArgumentRangeError for mismatched lengths, fewer than four points, L ≤ 1, y ≤ 0 without scales, a
 *   scale ≤ 0, or non-finite input.
 * @example
 * ```ts
 * const L = [100, 200, 400, 800, 1600];
 * powerLogFit(L, L.map((l) => (0.4 * Math.log(l) + 1) / l)).exponent.value; // 1
 * ```
 */
export function powerLogFit(
  depths: readonly number[],
  values: readonly number[],
  range: readonly [number, number] = [0.05, 4],
  scales?: readonly number[],
): PowerLogFit {
  const fn = 'powerLogFit';
  const n = depths.length;
  if (values.length !== n)
    throw argumentError('range', fn, 'values', `length ${n} (as depths)`, values.length);
  if (n < 4) throw argumentError('range', fn, 'depths', 'at least four points', n);
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(depths[i]) && depths[i] > 1)) {
      throw argumentError('range', fn, `depths[${i}]`, 'a finite number > 1', depths[i]);
    }
    if (!(Number.isFinite(values[i]) && (scales !== undefined || values[i] > 0))) {
      throw argumentError('range', fn, `values[${i}]`, 'a finite number > 0', values[i]);
    }
  }
  if (scales !== undefined && scales.length !== n) {
    throw argumentError('range', fn, 'scales', `length ${n} (as depths)`, scales.length);
  }
  const scale = depths.map((_, i) => {
    const v = scales === undefined ? (values[i] as number) : (scales[i] as number);
    if (!(Number.isFinite(v) && v > 0))
      throw argumentError('range', fn, `scales[${i}]`, 'a finite number > 0', v);
    return v;
  });
  const target = values.map((v, i) => v / (scale[i] as number));
  if (!(range[0] < range[1])) throw argumentError('range', fn, 'range', 'lo < hi', range);
  const logs = depths.map((l) => Math.log(l));
  const solve = (g: number): { rss: number; a: number; b: number } => {
    // Rows u = [ln L·L^{−γ}/s, L^{−γ}/s], target y/s: normal equations of a 2×2 system.
    let s11 = 0,
      s12 = 0,
      s22 = 0,
      t1 = 0,
      t2 = 0;
    for (let i = 0; i < n; i++) {
      const base = Math.exp(-g * logs[i]) / scale[i];
      const u1 = logs[i] * base;
      const u2 = base;
      s11 += u1 * u1;
      s12 += u1 * u2;
      s22 += u2 * u2;
      t1 += u1 * target[i];
      t2 += u2 * target[i];
    }
    const det = s11 * s22 - s12 * s12;
    const a = (t1 * s22 - t2 * s12) / det;
    const b = (s11 * t2 - s12 * t1) / det;
    let rss = 0;
    for (let i = 0; i < n; i++) {
      const base = Math.exp(-g * logs[i]) / scale[i];
      rss += (target[i] - (a * logs[i] + b) * base) ** 2;
    }
    return { rss, a, b };
  };
  // Coarse scan (the profile can have several local minima), then golden section around the best cell.
  const cells = 80;
  let best = range[0];
  let bestRss = Number.POSITIVE_INFINITY;
  for (let k = 0; k <= cells; k++) {
    const g = range[0] + ((range[1] - range[0]) * k) / cells;
    const r = solve(g).rss;
    if (r < bestRss) {
      bestRss = r;
      best = g;
    }
  }
  const h = (range[1] - range[0]) / cells;
  let lo = Math.max(range[0], best - h);
  let hi = Math.min(range[1], best + h);
  const phi = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - phi * (hi - lo);
  let x2 = lo + phi * (hi - lo);
  let f1 = solve(x1).rss;
  let f2 = solve(x2).rss;
  for (let it = 0; it < 200 && hi - lo > 1e-13; it++) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - phi * (hi - lo);
      f1 = solve(x1).rss;
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + phi * (hi - lo);
      f2 = solve(x2).rss;
    }
  }
  const g = 0.5 * (lo + hi);
  const at = solve(g);
  const step = 1e-4;
  const curvature = (solve(g + step).rss - 2 * at.rss + solve(g - step).rss) / (step * step);
  const s2 = at.rss / Math.max(n - 3, 1);
  const se = curvature > 0 ? Math.sqrt((2 * s2) / curvature) : Number.POSITIVE_INFINITY;
  return { exponent: { value: g, standardError: se }, a: at.a, b: at.b, rss: at.rss };
}
