import { argumentError, checkInteger } from '@ntk/core';
import type { Estimate } from '../claim/types.ts';

/** Options of {@link jackknife}. */
export interface JackknifeOptions {
  /** Number of contiguous groups G (delete-a-group jackknife), 2 ≤ G ≤ n. Default min(n, 50). */
  readonly groups?: number;
}

/**
 * The (delete-a-group) jackknife standard error of a statistic of independent samples, e.g. a ratio of
 * moments E[K²]/E[K]² over random networks, where the delta method would need the fourth moments by hand.
 *
 * The n samples are cut into G contiguous groups of (nearly) equal size; θ₍g₎ is the statistic of all samples
 * but group g, θ̄ the mean of the θ₍g₎, and
 * SE² = (G − 1)/G · Σ_g (θ₍g₎ − θ̄)²   (Efron & Stein 1981; Efron & Tibshirani 1993, §11).
 * With G = n this is the classical leave-one-out jackknife. The returned value is the statistic of all samples
 * (not bias-corrected).
 *
 * @param samples - Independent draws (at least two, all finite).
 * @param statistic - The statistic of a set of samples (must be finite on every leave-a-group-out subset).
 * @param options - Number of groups.
 * @returns `{ value, standardError, samples }`.
 * @throws ArgumentRangeError if there are fewer than two samples, a sample is not finite, `groups` is not an
 *   integer in [2, n], or the statistic is not finite on the full set or a subset.
 * @example
 * ```ts
 * const ratio = (xs: Float64Array) => {
 *   let m1 = 0, m2 = 0;
 *   for (const x of xs) { m1 += x; m2 += x * x; }
 *   return (m2 / xs.length) / (m1 / xs.length) ** 2;
 * };
 * jackknife([1, 2, 3, 4, 5, 6], ratio, { groups: 6 }).standardError;
 * ```
 */
export function jackknife(
  samples: ArrayLike<number>,
  statistic: (samples: Float64Array) => number,
  options: JackknifeOptions = {},
): Estimate {
  const fn = 'jackknife';
  const n = samples.length;
  if (n < 2) throw argumentError('range', fn, 'samples', 'at least two samples', n);
  const all = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = samples[i] as number;
    if (!Number.isFinite(v)) throw argumentError('range', fn, `samples[${i}]`, 'a finite number', v);
    all[i] = v;
  }
  const G = options.groups ?? Math.min(n, 50);
  checkInteger(fn, 'options.groups', G, 2, n);
  const value = statistic(all);
  if (!Number.isFinite(value)) {
    throw argumentError('range', fn, 'statistic(samples)', 'a finite number', value);
  }
  const thetas = new Float64Array(G);
  const rest = new Float64Array(n);
  for (let g = 0; g < G; g++) {
    const lo = Math.floor((g * n) / G);
    const hi = Math.floor(((g + 1) * n) / G);
    rest.set(all.subarray(0, lo), 0);
    rest.set(all.subarray(hi), lo);
    const t = statistic(rest.subarray(0, n - (hi - lo)));
    if (!Number.isFinite(t)) {
      throw argumentError('range', fn, `statistic (without group ${g})`, 'a finite number', t);
    }
    thetas[g] = t;
  }
  let mean = 0;
  for (const t of thetas) mean += t;
  mean /= G;
  let ss = 0;
  for (const t of thetas) ss += (t - mean) ** 2;
  return { value, standardError: Math.sqrt(((G - 1) / G) * ss), samples: n };
}
