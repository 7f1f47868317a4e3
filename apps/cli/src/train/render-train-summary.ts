import Table from 'cli-table3';
import type { TrainReport } from './train-report.ts';

const fmt = (v: number | null): string =>
  v === null ? '–' : Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : String(v);

/**
 * The human summary of `ntk train`: a line with the run, then a table of about six records (first, last and
 * evenly spaced ones) with the finite and infinite-width losses, their predictions' distance and the NTK change.
 *
 * @param r - The report.
 * @returns Text ending with a newline.
 * @example
 * ```ts
 * ctx.stdout.write(renderTrainSummary(report));
 * ```
 */
export function renderTrainSummary(r: TrainReport): string {
  const s = r.settings;
  const head =
    `trained ${s.activation}, depth ${s.depth}, width ${s.width} (${s.parameterization}) on ${r.data.description}, target ${s.target}; ` +
    `${s.optimizer}, η = ${fmt(r.run.learningRate)} (2N/λ_max = ${fmt(r.run.maxLearningRate)}), ${s.steps} steps; seed ${s.seed}\n` +
    `infinite width: ${r.run.reference}\n`;
  const table = new Table({
    head: ['step', 'loss (finite)', 'loss (infinite width)', '‖f − f∞‖ (rms)', 'NTK change', 'weight change'],
    style: { head: [], border: [] },
  });
  const recs = r.run.records;
  const picks = new Set<number>();
  const shown = Math.min(6, recs.length);
  for (let i = 0; i < shown; i++) picks.add(Math.round((i * (recs.length - 1)) / Math.max(1, shown - 1)));
  for (const i of [...picks].sort((a, b) => a - b)) {
    const x = recs[i];
    if (x === undefined) continue;
    table.push([
      String(x.step),
      fmt(x.trainLoss),
      fmt(x.infiniteWidthLoss),
      fmt(x.predictionDistance),
      fmt(x.ntkChange),
      fmt(x.weightChange),
    ]);
  }
  return `${head}${table.toString()}\n`;
}
