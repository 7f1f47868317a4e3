import { toCsv } from '../io/csv.ts';
import type { EmpiricalReport } from './empirical-report.ts';

/**
 * `empirical.csv`: one row per kernel entry (i, j), all N² of them: the analytic and empirical NTK (with the
 * Monte-Carlo standard error and variance when K > 1), the same for the NNGP, then the per-layer Θ̂_l.
 *
 * @param r - The report.
 * @returns CSV text.
 * @example
 * ```ts
 * await writeFileAtomic(join(out, 'empirical.csv'), empiricalCsv(report));
 * ```
 */
export function empiricalCsv(r: EmpiricalReport): string {
  const mc = r.kind === 'moments';
  const layers = r.empirical.layers ?? [];
  const header = [
    'i',
    'j',
    'analytic_ntk',
    'empirical_ntk',
    ...(mc ? ['empirical_ntk_std_error', 'empirical_ntk_variance'] : []),
    'analytic_nngp',
    'empirical_nngp',
    ...(mc ? ['empirical_nngp_std_error', 'empirical_nngp_variance'] : []),
    ...layers.map((_, l) => `empirical_ntk_layer_${l + 1}`),
  ];
  const out: (number | string)[][] = [];
  const n = r.analytic.ntk.length;
  const at = (m: number[][] | null, i: number, j: number): number => m?.[i]?.[j] ?? Number.NaN;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const e = r.empirical;
      out.push([
        i,
        j,
        at(r.analytic.ntk, i, j),
        at(e.ntk.mean, i, j),
        ...(mc ? [at(e.ntk.stdError, i, j), at(e.ntk.variance, i, j)] : []),
        at(r.analytic.nngp, i, j),
        at(e.nngp.mean, i, j),
        ...(mc ? [at(e.nngp.stdError, i, j), at(e.nngp.variance, i, j)] : []),
        ...layers.map((l) => at(l.mean, i, j)),
      ]);
    }
  }
  return toCsv(header, out);
}
