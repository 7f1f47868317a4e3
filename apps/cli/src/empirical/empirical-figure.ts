import type { EmpiricalReport } from './empirical-report.ts';

/**
 * The Vega-Lite spec of `empirical.svg`: every entry Θ̂(x_i, x_j), i ≤ j, of the empirical NTK (the
 * Monte-Carlo mean with ±2 standard errors when K > 1) against the analytic Θ(x_i, x_j), diagonal and
 * off-diagonal entries in two colours, with the identity line y = x.
 *
 * @param r - The report.
 * @returns A Vega-Lite v6 spec with inline data.
 * @example
 * ```ts
 * const svg = await vegaLiteToSvg(empiricalFigure(report));
 * ```
 */
export function empiricalFigure(r: EmpiricalReport): object {
  const s = r.settings;
  const points: Record<string, number | string>[] = [];
  const n = r.analytic.ntk.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const a = r.analytic.ntk[i]?.[j] as number;
      const e = r.empirical.ntk.mean[i]?.[j] as number;
      const se = r.empirical.ntk.stdError?.[i]?.[j] ?? 0;
      points.push({
        i,
        j,
        analytic: a,
        empirical: e,
        low: e - 2 * se,
        high: e + 2 * se,
        entry: i === j ? 'diagonal' : 'off-diagonal',
      });
      lo = Math.min(lo, a, e - 2 * se);
      hi = Math.max(hi, a, e + 2 * se);
    }
  }
  const K = s.samples;
  const what = K === 1 ? 'one network' : `mean of ${K} initialisations ± 2 s.e.`;
  const layers: object[] = [
    {
      data: { values: [{ v: lo }, { v: hi }] },
      mark: { type: 'line', color: '#888', strokeDash: [4, 4] },
      encoding: { x: { field: 'v', type: 'quantitative' }, y: { field: 'v', type: 'quantitative' } },
    },
  ];
  if (K > 1) {
    layers.push({
      mark: { type: 'rule', opacity: 0.6 },
      encoding: {
        x: { field: 'analytic', type: 'quantitative' },
        y: { field: 'low', type: 'quantitative' },
        y2: { field: 'high' },
        color: { field: 'entry', type: 'nominal' },
      },
    });
  }
  layers.push({
    mark: { type: 'point', filled: true, size: 40 },
    encoding: {
      x: { field: 'analytic', type: 'quantitative', title: 'analytic NTK Θ(xᵢ, xⱼ)' },
      y: { field: 'empirical', type: 'quantitative', title: `empirical NTK Θ̂(xᵢ, xⱼ) (${what})` },
      color: { field: 'entry', type: 'nominal', title: 'entry' },
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Empirical vs analytic NTK: ${s.activation}, depth ${s.depth}, width ${s.width}`,
      subtitle: [
        r.data.description,
        `‖Θ̂ − Θ‖_F/‖Θ‖_F = ${r.deviation.ntk.relativeFrobenius.toPrecision(3)}; seed ${s.seed}`,
      ],
      anchor: 'start',
    },
    width: 420,
    height: 420,
    data: { values: points },
    layer: layers,
  };
}
