import Table from 'cli-table3';
import type { EmpiricalReport } from './empirical-report.ts';

const fmt = (v: number | null): string =>
  v === null ? '–' : Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : String(v);

function meanDiagonal(m: number[][]): number {
  let s = 0;
  for (let i = 0; i < m.length; i++) s += m[i]?.[i] as number;
  return s / m.length;
}

/**
 * The human summary of `ntk empirical` (and of `ntk merge` of its shards): one line with the run, then a
 * table with, for the NTK and the NNGP, the mean diagonal entry measured and predicted, the relative
 * Frobenius deviation, the largest entry deviation and (K > 1) the largest z-score.
 *
 * @param r - The report.
 * @returns Text ending with a newline.
 * @example
 * ```ts
 * ctx.stdout.write(renderEmpiricalSummary(report));
 * ```
 */
export function renderEmpiricalSummary(r: EmpiricalReport): string {
  const s = r.settings;
  const K = s.samples;
  const head = `empirical NTK of ${s.activation}, depth ${s.depth}, width ${s.width} (${s.parameterization}, σ_w² ${s.sigmaW2}, σ_b² ${s.sigmaB2}) on ${r.data.description}; ${K === 1 ? `one network (${s.method})` : `mean over K = ${K} initialisations`}; seed ${s.seed}`;
  const table = new Table({
    head: [
      'kernel',
      'mean diag. empirical',
      'mean diag. analytic',
      '‖Δ‖_F/‖analytic‖_F',
      'max |Δ|',
      ...(K > 1 ? ['max |Δ|/s.e.'] : []),
    ],
    style: { head: [], border: [] },
  });
  const row = (name: string, e: number[][], a: number[][], d: EmpiricalReport['deviation']['ntk']) => [
    name,
    fmt(meanDiagonal(e)),
    fmt(meanDiagonal(a)),
    fmt(d.relativeFrobenius),
    fmt(d.maxAbs),
    ...(K > 1 ? [fmt(d.maxAbsZ)] : []),
  ];
  table.push(row('NTK', r.empirical.ntk.mean, r.analytic.ntk, r.deviation.ntk));
  table.push(row('NNGP', r.empirical.nngp.mean, r.analytic.nngp, r.deviation.nngp));
  return `${head}\n${table.toString()}\n`;
}
