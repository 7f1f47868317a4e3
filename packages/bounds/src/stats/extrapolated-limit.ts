import { argumentError } from '@ntk/core';
import type { Estimate } from '../claim/types.ts';

/** The result of {@link extrapolatedLimit}. */
export interface ExtrapolatedLimit {
  /** The limit y∞ with its OLS standard error. */
  readonly limit: Estimate;
  /** Coefficient a of ln L/L. */
  readonly a: number;
  /** Coefficient b of 1/L. */
  readonly b: number;
  /** Residual sum of squares. */
  readonly rss: number;
}

/**
 * The limit as L → ∞ of a sequence that converges like ln L/L: ordinary least squares of y(L) ≈ y∞ + a·ln L/L + b/L
 * (the form of a 1/L rate with an optional logarithm, e.g. deep kernels on the edge of chaos). The standard error
 * is the textbook OLS one, s²(XᵀX)⁻¹ with s² = RSS/(n − 3); for deterministic data it measures how well the
 * three-term model fits (model misfit), not randomness.
 *
 * @param depths - Abscissae L > 0 (at least four, not all equal).
 * @param values - Ordinates y, same length.
 * @returns y∞ ± SE, a, b and the RSS.
 * @throws ArgumentRangeError for mismatched lengths, fewer than four points, L ≤ 0, non-finite input or a
 *   singular design.
 * @example
 * ```ts
 * const L = [100, 200, 400, 800];
 * extrapolatedLimit(L, L.map((l) => 0.25 + Math.log(l) / l)).limit.value; // 0.25
 * ```
 */
export function extrapolatedLimit(depths: readonly number[], values: readonly number[]): ExtrapolatedLimit {
  const fn = 'extrapolatedLimit';
  const n = depths.length;
  if (values.length !== n)
    throw argumentError('range', fn, 'values', `length ${n} (as depths)`, values.length);
  if (n < 4) throw argumentError('range', fn, 'depths', 'at least four points', n);
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(depths[i]) && depths[i] > 0)) {
      throw argumentError('range', fn, `depths[${i}]`, 'a finite number > 0', depths[i]);
    }
    if (!Number.isFinite(values[i]))
      throw argumentError('range', fn, `values[${i}]`, 'a finite number', values[i]);
  }
  const rows = depths.map((l) => [1, Math.log(l) / l, 1 / l]);
  // Normal equations XᵀX β = Xᵀy (3×3), solved with the inverse (needed for the errors anyway).
  const xtx = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const xty = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const r = rows[i] as number[];
    for (let p = 0; p < 3; p++) {
      xty[p] = (xty[p] as number) + (r[p] as number) * (values[i] as number);
      for (let q = 0; q < 3; q++)
        xtx[3 * p + q] = (xtx[3 * p + q] as number) + (r[p] as number) * (r[q] as number);
    }
  }
  const inv = invert3(xtx);
  if (inv === null)
    throw argumentError('range', fn, 'depths', 'enough distinct depths for three terms', depths);
  const beta = [0, 1, 2].map(
    (p) =>
      (inv[3 * p] as number) * xty[0] +
      (inv[3 * p + 1] as number) * xty[1] +
      (inv[3 * p + 2] as number) * xty[2],
  ) as [number, number, number];
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i] as number[];
    const fit = beta[0] + beta[1] * (r[1] as number) + beta[2] * (r[2] as number);
    rss += ((values[i] as number) - fit) ** 2;
  }
  const s2 = n > 3 ? rss / (n - 3) : 0;
  return {
    limit: { value: beta[0], standardError: Math.sqrt(Math.max(0, s2 * (inv[0] as number))) },
    a: beta[1],
    b: beta[2],
    rss,
  };
}

/** Inverse of a symmetric 3×3 matrix (row-major) by cofactors, with columns scaled first for conditioning. */
function invert3(m: readonly number[]): number[] | null {
  // Scale to unit diagonal: the 1/L and ln L/L columns are tiny next to the constant one.
  const d = [0, 4, 8].map((k) => Math.sqrt(m[k] as number));
  if (d.some((v) => !(v > 0))) return null;
  const a = m.map((v, k) => v / ((d[Math.floor(k / 3)] as number) * (d[k % 3] as number)));
  const [a0, a1, a2, a3, a4, a5, a6, a7, a8] = a as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const c0 = a4 * a8 - a5 * a7;
  const c1 = a5 * a6 - a3 * a8;
  const c2 = a3 * a7 - a4 * a6;
  const det = a0 * c0 + a1 * c1 + a2 * c2;
  if (!(Math.abs(det) > 1e-300)) return null;
  const inv = [
    c0,
    a2 * a7 - a1 * a8,
    a1 * a5 - a2 * a4,
    c1,
    a0 * a8 - a2 * a6,
    a2 * a3 - a0 * a5,
    c2,
    a1 * a6 - a0 * a7,
    a0 * a4 - a1 * a3,
  ].map((v) => v / det);
  return inv.map((v, k) => v / ((d[Math.floor(k / 3)] as number) * (d[k % 3] as number)));
}
