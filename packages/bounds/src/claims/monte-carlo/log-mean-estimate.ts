import type { Estimate } from '../../claim/types.ts';
import { meanEstimate } from '../../stats/mean-estimate.ts';

/**
 * log of the sample mean of positive draws with its delta-method standard error SE(mean)/mean, for log-log fits
 * of a mean against a size (e.g. E‖Θ̂ − Θ‖/‖Θ‖ against the width).
 *
 * @param samples - At least two independent positive draws.
 * @returns `{ value: log m, standardError: s/(√n·m), samples }`.
 * @throws As `meanEstimate`.
 * @example
 * ```ts
 * logMeanEstimate([1, 2, 3]).value; // log 2
 * ```
 */
export function logMeanEstimate(samples: ArrayLike<number>): Estimate {
  const m = meanEstimate(samples);
  return {
    value: Math.log(m.value),
    standardError: (m.standardError as number) / m.value,
    samples: samples.length,
  };
}
