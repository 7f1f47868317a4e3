import { argumentError } from '@ntk/core';
import type { Estimate } from '../claim/types.ts';

/**
 * The sample mean of independent draws with its standard error s/√n (s: the unbiased sample standard
 * deviation; two-pass, so it stays accurate for large means).
 *
 * @param samples - At least two independent draws.
 * @returns `{ value, standardError, samples }`.
 * @throws ArgumentRangeError if fewer than two samples or a sample is not finite.
 * @example
 * ```ts
 * meanEstimate([1, 2, 3, 4]); // { value: 2.5, standardError: 0.6455, samples: 4 }
 * ```
 */
export function meanEstimate(samples: ArrayLike<number>): Estimate {
  const n = samples.length;
  if (n < 2) {
    throw argumentError('range', 'meanEstimate', 'samples', 'at least two samples', n);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = samples[i];
    if (!Number.isFinite(v)) {
      throw argumentError('range', 'meanEstimate', `samples[${i}]`, 'a finite number', v);
    }
    sum += v;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (samples[i] - mean) ** 2;
  return { value: mean, standardError: Math.sqrt(ss / (n - 1) / n), samples: n };
}
