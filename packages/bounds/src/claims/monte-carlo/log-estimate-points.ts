import type { ClaimParams, FigureSeries, Observation } from '../../claim/types.ts';

/**
 * Figure points of a quantity measured on the log scale, drawn back on the original scale: for each
 * observation, x = `x(observation)`, y = exp(v) and the error bar [exp(v − 2s), exp(v + 2s)], where v ± s is
 * `measurement.values[name]` (the geometric mean with ±2 standard errors). A missing estimate gives y = NaN
 * (the point is not drawn) and a missing standard error no bar.
 *
 * @param observations - The observations, in drawing order.
 * @param x - The abscissa of an observation (e.g. its width).
 * @param name - The measured log quantity, e.g. `'logDistance'`.
 * @returns The points of a measurement series.
 * @example
 * ```ts
 * { name: 'Monte Carlo (±2 SE)', role: 'measurement', points: logEstimatePoints(obs, (o) => o.params.width, 'logChange') }
 * ```
 */
export function logEstimatePoints<P extends ClaimParams>(
  observations: readonly Observation<P>[],
  x: (observation: Observation<P>) => number,
  name: string,
): FigureSeries['points'] {
  return observations.map((o) => {
    const e = o.measurement.values[name];
    const v = e?.value ?? Number.NaN;
    const s = e?.standardError ?? 0;
    return { x: x(o), y: Math.exp(v), lo: Math.exp(v - 2 * s), hi: Math.exp(v + 2 * s) };
  });
}
