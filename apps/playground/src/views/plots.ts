import * as Plot from '@observablehq/plot';
import type { AnglesResult } from '../jobs/angles.ts';
import type { McCell } from '../jobs/montecarlo.ts';
import type { EdgePoint, PhaseRow } from '../jobs/phase.ts';
import type { TrainPoint, TrainSetup } from '../jobs/train.ts';

const WIDTH = 420;
const HEIGHT = 260;

/** Normalised NTK and NNGP against the angle, one curve per depth (the state's depth drawn thicker). */
export function anglesPlot(r: AnglesResult, depth: number): Element[] {
  const chart = (k: 'ntk' | 'nngp', label: string): Element => {
    const rows = r.depths.flatMap((L, i) =>
      r.thetas.map((theta, j) => ({ theta, value: (r[k][i] as readonly number[])[j] as number, depth: L })),
    );
    return Plot.plot({
      width: WIDTH,
      height: HEIGHT,
      marginLeft: 48,
      grid: true,
      x: { label: 'angle θ between inputs (rad)', domain: [0, Math.PI] },
      y: { label },
      color: { type: 'ordinal', scheme: 'viridis', legend: true, label: 'depth L' },
      marks: [
        Plot.ruleY([0]),
        Plot.line(rows, {
          x: 'theta',
          y: 'value',
          stroke: 'depth',
          z: 'depth',
          strokeWidth: (d: { depth: number }) => (d.depth === depth ? 3.5 : 1.5),
        }),
      ],
    });
  };
  return [chart('ntk', 'Θ(θ) / Θ(0)'), chart('nngp', 'Σ(θ) / Σ(0)')];
}

/**
 * The phase diagram: log₂ χ₁ on the (σ_w², σ_b²) grid (blue ordered, red chaotic; grey where q* diverges), the
 * edge-of-chaos curve χ₁ = 1 and the current point.
 */
export function phasePlot(
  grid: { sigmaW2: readonly number[]; sigmaB2: readonly number[] },
  rows: readonly (PhaseRow | undefined)[],
  edge: readonly EdgePoint[],
  point: { sigmaW2: number; sigmaB2: number },
): Element {
  const dw = (grid.sigmaW2[1] as number) - (grid.sigmaW2[0] as number);
  const db = grid.sigmaB2.length > 1 ? (grid.sigmaB2[1] as number) - (grid.sigmaB2[0] as number) : 1;
  const cells = rows.flatMap((r) =>
    r === undefined
      ? []
      : r.chi1.map((chi, i) => {
          const w = grid.sigmaW2[i] as number;
          const b = grid.sigmaB2[r.row] as number;
          return {
            x1: w - dw / 2,
            x2: w + dw / 2,
            y1: Math.max(0, b - db / 2),
            y2: b + db / 2,
            v: Number.isFinite(chi) && chi > 0 ? Math.max(-3, Math.min(3, Math.log2(chi))) : Number.NaN,
          };
        }),
  );
  const curve = edge.filter((p) => p.sigmaW2 !== null);
  return Plot.plot({
    width: WIDTH + 60,
    height: HEIGHT + 20,
    marginLeft: 48,
    x: { label: 'σ_w²', domain: [0, (grid.sigmaW2.at(-1) as number) + dw / 2] },
    y: { label: 'σ_b²', domain: [0, (grid.sigmaB2.at(-1) as number) + db / 2] },
    color: {
      type: 'diverging',
      pivot: 0,
      domain: [-3, 3],
      scheme: 'RdBu',
      reverse: true,
      legend: true,
      label: 'log₂ χ₁ (<0 ordered, >0 chaotic; grey: no finite q*)',
      unknown: '#bbb',
    },
    marks: [
      Plot.rect(cells, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'v' }),
      Plot.line(curve, { x: 'sigmaW2', y: 'sigmaB2', stroke: 'black', strokeWidth: 2.5 }),
      Plot.dot(curve, { x: 'sigmaW2', y: 'sigmaB2', r: 2.5, fill: 'black' }),
      Plot.dot([point], {
        x: 'sigmaW2',
        y: 'sigmaB2',
        r: 6,
        fill: 'gold',
        stroke: 'black',
        strokeWidth: 1.5,
      }),
      Plot.frame(),
    ],
  });
}

/** Training curves: losses (log scale), relative NTK change, and finite vs infinite-width test predictions. */
export function trainPlots(setup: TrainSetup | null, points: readonly TrainPoint[]): Element[] {
  const losses = points.flatMap((p) => [
    { step: p.step, loss: p.trainLoss, series: 'finite, train' },
    { step: p.step, loss: p.testLoss, series: 'finite, test' },
    { step: p.step, loss: p.infiniteTrainLoss, series: '∞-width, train' },
    { step: p.step, loss: p.infiniteTestLoss, series: '∞-width, test' },
  ]);
  const positive = losses.filter((r) => Number.isFinite(r.loss) && r.loss > 0);
  const loss = Plot.plot({
    width: WIDTH,
    height: HEIGHT,
    marginLeft: 52,
    grid: true,
    x: { label: 'step' },
    y: { type: 'log', label: 'loss ½(f − y)² (mean)' },
    color: {
      legend: true,
      domain: ['finite, train', 'finite, test', '∞-width, train', '∞-width, test'],
      range: ['#1f77b4', '#ff7f0e', '#17becf', '#d62728'],
    },
    marks: [
      Plot.line(
        positive.filter((d) => !d.series.startsWith('∞')),
        { x: 'step', y: 'loss', stroke: 'series', z: 'series', strokeWidth: 2 },
      ),
      Plot.line(
        positive.filter((d) => d.series.startsWith('∞')),
        { x: 'step', y: 'loss', stroke: 'series', z: 'series', strokeDasharray: '5,4', strokeWidth: 1.5 },
      ),
    ],
  });
  const change = Plot.plot({
    width: WIDTH,
    height: HEIGHT,
    marginLeft: 52,
    grid: true,
    x: { label: 'step' },
    y: { label: '‖Θ̂_t − Θ̂_0‖ / ‖Θ̂_0‖' },
    marks: [Plot.ruleY([0]), Plot.line(points, { x: 'step', y: 'ntkChange', stroke: '#2ca02c' })],
  });
  const last = points.at(-1);
  const pairs =
    last === undefined
      ? []
      : last.testFinite.map((f, i) => ({
          finite: f,
          infinite: last.testInfinite[i] as number,
          y: setup?.testTargets[i],
        }));
  const ext = pairs.reduce((m, p) => Math.max(m, Math.abs(p.finite), Math.abs(p.infinite)), 1e-9) * 1.05;
  const scatter = Plot.plot({
    width: HEIGHT + 40,
    height: HEIGHT,
    marginLeft: 52,
    grid: true,
    x: { label: 'infinite-width prediction', domain: [-ext, ext] },
    y: { label: 'finite network', domain: [-ext, ext] },
    color: { type: 'diverging', scheme: 'RdBu', domain: [-1, 1], legend: false },
    marks: [
      Plot.line(
        [
          [-ext, -ext],
          [ext, ext],
        ],
        { stroke: '#999', strokeDasharray: '4,3' },
      ),
      Plot.dot(pairs, { x: 'infinite', y: 'finite', r: 4, fill: 'y', stroke: 'black', strokeWidth: 0.5 }),
      Plot.text([`step ${last?.step ?? 0}`], { frameAnchor: 'top-left', dx: 6, dy: 6 }),
    ],
  });
  return [loss, change, scatter];
}

/**
 * The Monte-Carlo distribution of (Θ̂₁₂ − Θ₁₂)/√(Θ₁₁Θ₂₂) over initialisations: one panel per depth, samples
 * spread around each width, with mean ± 2·sd.
 */
export function mcPlot(cells: readonly McCell[]): Element {
  const dots = cells.flatMap((c) =>
    c.deviations.map((v, k) => ({
      width: c.width * 2 ** (((k % 12) / 11 - 0.5) * 0.5),
      v,
      depth: `L = ${c.depth}`,
    })),
  );
  const summary = cells.map((c) => {
    const n = c.deviations.length;
    const mean = c.deviations.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(c.deviations.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, n - 1));
    return { width: c.width, mean, lo: mean - 2 * sd, hi: mean + 2 * sd, depth: `L = ${c.depth}` };
  });
  return Plot.plot({
    width: 3 * WIDTH * 0.75,
    height: HEIGHT,
    marginLeft: 52,
    grid: true,
    fx: { label: null },
    x: { type: 'log', label: 'width', base: 2 },
    y: { label: '(Θ̂₁₂ − Θ₁₂) / √(Θ₁₁Θ₂₂)' },
    marks: [
      Plot.ruleY([0], { stroke: '#444' }),
      Plot.dot(dots, { x: 'width', y: 'v', fx: 'depth', r: 1.8, fill: '#1f77b4', fillOpacity: 0.45 }),
      Plot.ruleX(summary, { x: 'width', y1: 'lo', y2: 'hi', fx: 'depth', stroke: 'black', strokeWidth: 1.5 }),
      Plot.dot(summary, { x: 'width', y: 'mean', fx: 'depth', symbol: 'diamond', r: 4, fill: 'crimson' }),
    ],
  });
}
