import type { DType } from '@ntk/core';

/** A relative + absolute tolerance: |a − b| ≤ atol + rtol·scale. */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/**
 * Tolerances per precision for results of O(1) magnitude built from sums of up to a few thousand terms.
 * float64: 1e-12 relative (reference); float32: 2e-4 relative (≈ 2^-23 · √k growth for k ≈ 10^3 terms,
 * with margin), as tfjs does per backend.
 */
export const tolerances: Readonly<Record<DType, Tolerance>> = {
  float64: { rtol: 1e-12, atol: 1e-12 },
  float32: { rtol: 2e-4, atol: 2e-5 },
};

/**
 * Largest scaled error between two arrays: max_i |a_i − b_i| / (atol + rtol·max(1, max_j |b_j|)).
 * A value ≤ 1 means "within tolerance".
 *
 * @param a - Computed values.
 * @param b - Reference values.
 * @param tol - Tolerance.
 * @returns The worst scaled error (0 for empty arrays); Infinity if lengths differ or a value is NaN.
 */
export function scaledError(a: ArrayLike<number>, b: ArrayLike<number>, tol: Tolerance): number {
  if (a.length !== b.length) return Infinity;
  let scale = 1;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i] as number));
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const e = Math.abs((a[i] as number) - (b[i] as number)) / (tol.atol + tol.rtol * scale);
    if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
  }
  return worst;
}

/**
 * Maximum relative error max|a − b| / max|b| (the metric of peer-bench's `--validate`).
 *
 * @param a - Computed values.
 * @param b - Reference values.
 * @returns The error.
 */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs((a[i] as number) - (b[i] as number)));
    den = Math.max(den, Math.abs(b[i] as number));
  }
  return den === 0 ? num : num / den;
}
