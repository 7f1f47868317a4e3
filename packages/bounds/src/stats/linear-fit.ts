import { argumentError } from '@ntk/core';
import type { Estimate } from '../claim/types.ts';

/** The result of {@link linearFit}. */
export interface LinearFit {
  /** The slope b with its standard error. */
  readonly slope: Estimate;
  /** The intercept a with its standard error. */
  readonly intercept: Estimate;
  /** Residual sum of squares (weighted). */
  readonly rss: number;
}

/**
 * Least-squares fit y ≈ a + b·x. With `standardErrors` (σᵢ of each yᵢ) it is the weighted fit with
 * weights 1/σᵢ² and the parameter errors come from (XᵀWX)⁻¹ (known errors); without, the ordinary fit with
 * errors scaled by the residual variance RSS/(n − 2) (n ≥ 3 needed for an error). Exact data (all σᵢ = 0)
 * gives zero errors.
 *
 * Formula: b = Σw(x − x̄)(y − ȳ) / Σw(x − x̄)², Var b = 1/Σw(x − x̄)² (weighted) or s²/Σ(x − x̄)².
 *
 * @param x - Abscissae (at least two distinct values).
 * @param y - Ordinates, same length.
 * @param standardErrors - Optional σᵢ ≥ 0 of each yᵢ.
 * @returns Slope, intercept and RSS.
 * @throws ArgumentRangeError on length mismatch, fewer than two points, all x equal, or non-finite input.
 * @example
 * ```ts
 * linearFit([0, 1, 2], [1, 3, 5]).slope.value; // 2
 * ```
 */
export function linearFit(
  x: readonly number[],
  y: readonly number[],
  standardErrors?: readonly number[],
): LinearFit {
  const fn = 'linearFit';
  const n = x.length;
  if (y.length !== n) throw argumentError('range', fn, 'y', `length ${n} (as x)`, y.length);
  if (standardErrors !== undefined && standardErrors.length !== n) {
    throw argumentError('range', fn, 'standardErrors', `length ${n} (as x)`, standardErrors.length);
  }
  if (n < 2) throw argumentError('range', fn, 'x', 'at least two points', n);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw argumentError('range', fn, `x[${i}]`, 'a finite number', x[i]);
    if (!Number.isFinite(y[i])) throw argumentError('range', fn, `y[${i}]`, 'a finite number', y[i]);
  }
  const exact = standardErrors?.every((s) => s === 0) ?? false;
  const w = x.map((_, i) => (standardErrors === undefined || exact ? 1 : 1 / standardErrors[i] ** 2));
  let sw = 0,
    sx = 0,
    sy = 0;
  for (let i = 0; i < n; i++) {
    if (!(w[i] > 0 && Number.isFinite(w[i]))) {
      throw argumentError(
        'range',
        fn,
        `standardErrors[${i}]`,
        'a positive finite number (or all zero)',
        standardErrors?.[i],
      );
    }
    sw += w[i];
    sx += w[i] * x[i];
    sy += w[i] * y[i];
  }
  const mx = sx / sw;
  const my = sy / sw;
  let sxx = 0,
    sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += w[i] * (x[i] - mx) ** 2;
    sxy += w[i] * (x[i] - mx) * (y[i] - my);
  }
  if (!(sxx > 0)) throw argumentError('range', fn, 'x', 'at least two distinct values', x);
  const b = sxy / sxx;
  const a = my - b * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += w[i] * (y[i] - a - b * x[i]) ** 2;
  // Known errors: Var b = 1/Sxx. Unknown: scale by s² = RSS/(n − 2). Exact data: zero.
  const scale = exact ? 0 : standardErrors !== undefined ? 1 : n > 2 ? rss / (n - 2) : Number.NaN;
  const varB = scale / sxx;
  const varA = scale * (1 / sw + (mx * mx) / sxx);
  return {
    slope: { value: b, standardError: Math.sqrt(varB) },
    intercept: { value: a, standardError: Math.sqrt(varA) },
    rss,
  };
}
