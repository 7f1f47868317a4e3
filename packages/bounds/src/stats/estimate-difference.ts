import { argumentError } from '@ntk/core';
import type { Estimate } from '../claim/types.ts';

/**
 * The difference a − b of two independent estimates with the standard error of a difference of independent
 * quantities, s = √(s_a² + s_b²) (an exact estimate, without a standard error, counts as s = 0).
 *
 * @param a - The first estimate (e.g. a mean over seeds in one phase).
 * @param b - The second, independent of the first.
 * @returns `{ value: a − b, standardError }`; `samples` is the smaller of the two sample counts when both have one.
 * @throws ArgumentRangeError if a value is not finite or a standard error is negative or not finite.
 * @example
 * ```ts
 * estimateDifference({ value: 3, standardError: 0.3 }, { value: 1, standardError: 0.4 }); // { value: 2, standardError: 0.5 }
 * ```
 */
export function estimateDifference(a: Estimate, b: Estimate): Estimate {
  const fn = 'estimateDifference';
  for (const [name, e] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (!Number.isFinite(e.value))
      throw argumentError('range', fn, `${name}.value`, 'a finite number', e.value);
    const s = e.standardError ?? 0;
    if (!(s >= 0 && Number.isFinite(s))) {
      throw argumentError('range', fn, `${name}.standardError`, 'a finite number ≥ 0', e.standardError);
    }
  }
  const sa = a.standardError ?? 0;
  const sb = b.standardError ?? 0;
  const out: Estimate = { value: a.value - b.value, standardError: Math.sqrt(sa * sa + sb * sb) };
  return a.samples !== undefined && b.samples !== undefined
    ? { ...out, samples: Math.min(a.samples, b.samples) }
    : out;
}
