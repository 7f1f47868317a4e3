import type { TrainReport } from './train-report.ts';

/**
 * The Vega-Lite spec of `train.svg`: on top, the training loss of the finite network and of the
 * infinite-width prediction (and the gradient flow) against the step (log scale); below, the relative NTK
 * change ‖Θ̂_t − Θ̂_0‖_F/‖Θ̂_0‖_F and the relative weight change of the finite network.
 *
 * @param r - The report.
 * @returns A Vega-Lite v6 spec with inline data.
 * @example
 * ```ts
 * const svg = await vegaLiteToSvg(trainFigure(report));
 * ```
 */
export function trainFigure(r: TrainReport): object {
  const s = r.settings;
  const losses: Record<string, number | string>[] = [];
  const changes: Record<string, number | string>[] = [];
  const positive = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;
  for (const rec of r.run.records) {
    if (positive(rec.trainLoss))
      losses.push({ step: rec.step, loss: rec.trainLoss, curve: `finite network (width ${s.width})` });
    if (positive(rec.infiniteWidthLoss))
      losses.push({ step: rec.step, loss: rec.infiniteWidthLoss, curve: 'infinite width (analytic NTK)' });
    if (s.optimizer === 'sgd' && positive(rec.gradientFlowLoss))
      losses.push({ step: rec.step, loss: rec.gradientFlowLoss, curve: 'gradient flow (analytic NTK)' });
    if (rec.ntkChange !== null)
      changes.push({ step: rec.step, change: rec.ntkChange, quantity: 'NTK ‖Θ̂ₜ − Θ̂₀‖/‖Θ̂₀‖' });
    changes.push({ step: rec.step, change: rec.weightChange, quantity: 'weights ‖θₜ − θ₀‖/‖θ₀‖' });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Finite vs infinite-width training: ${s.activation}, depth ${s.depth}, width ${s.width}`,
      subtitle: `${r.data.description}; target ${s.target}; ${s.optimizer}, η = ${Number(r.run.learningRate.toPrecision(4))}; seed ${s.seed}`,
    },
    vconcat: [
      {
        width: 460,
        height: 240,
        data: { values: losses },
        mark: { type: 'line', point: false },
        encoding: {
          x: { field: 'step', type: 'quantitative', title: 'step' },
          y: {
            field: 'loss',
            type: 'quantitative',
            scale: { type: 'log' },
            title: 'train loss (1/N)Σ½‖y − f‖²',
          },
          color: { field: 'curve', type: 'nominal', title: null, legend: { labelLimit: 320 } },
          strokeDash: { field: 'curve', type: 'nominal', legend: null },
        },
      },
      {
        width: 460,
        height: 160,
        data: { values: changes },
        mark: { type: 'line' },
        encoding: {
          x: { field: 'step', type: 'quantitative', title: 'step' },
          y: { field: 'change', type: 'quantitative', title: 'relative change' },
          color: { field: 'quantity', type: 'nominal', title: null, legend: { labelLimit: 320 } },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}
