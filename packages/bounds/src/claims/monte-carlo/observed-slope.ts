import type { ClaimParams, Estimate, Observation } from '../../claim/types.ts';
import { linearFit } from '../../stats/linear-fit.ts';

/**
 * The weighted least-squares slope of a measured quantity against an abscissa over a claim's observations:
 * y = `measurement.values[name].value`, σ = its standard error, x = `x(observation)`. When the points cannot be
 * fitted (fewer than two distinct x, a non-finite y, or a standard error that is not positive and finite) the
 * slope is NaN, which the verdict engine reports as inconclusive.
 *
 * @param observations - The observations to fit.
 * @param x - The abscissa of an observation (e.g. log width).
 * @param name - The measured quantity, e.g. `'logDistance'`.
 * @returns The slope with its standard error, or `{ value: NaN }`.
 * @example
 * ```ts
 * observedSlope(observations, (o) => Math.log(o.params.width), 'logChange');
 * ```
 */
export function observedSlope<P extends ClaimParams>(
  observations: readonly Observation<P>[],
  x: (observation: Observation<P>) => number,
  name: string,
): Estimate {
  const xs = observations.map(x);
  const ys = observations.map((o) => o.measurement.values[name]?.value ?? Number.NaN);
  const se = observations.map((o) => o.measurement.values[name]?.standardError ?? Number.NaN);
  const fittable =
    new Set(xs).size >= 2 && ys.every(Number.isFinite) && se.every((s) => s > 0 && Number.isFinite(s));
  return fittable ? linearFit(xs, ys, se).slope : { value: Number.NaN };
}
