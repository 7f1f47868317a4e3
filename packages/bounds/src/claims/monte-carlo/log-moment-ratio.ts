/**
 * log(E[K²]/E[K]²) with the plug-in moments of samples K_1..K_n: log((1/n)ΣK²) − 2·log((1/n)ΣK). The
 * dispersion statistic of Hanin & Nica (2020, Theorem 1) and Seleznova & Kutyniok (2022), on a log scale
 * (its Monte-Carlo error is closer to normal there). Returns NaN for an empty set or a zero mean.
 *
 * @param samples - Draws of K.
 * @returns log of the second moment over the squared mean.
 * @example
 * ```ts
 * logMomentRatio(Float64Array.of(1, 3)); // log(5/4)
 * ```
 */
export function logMomentRatio(samples: ArrayLike<number>): number {
  const n = samples.length;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const v = samples[i] as number;
    m1 += v;
    m2 += v * v;
  }
  m1 /= n;
  m2 /= n;
  return m1 === 0 ? Number.NaN : Math.log(m2) - 2 * Math.log(Math.abs(m1));
}
