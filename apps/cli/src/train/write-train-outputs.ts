import { toCsv } from '../io/csv.ts';
import { type ExperimentFiles, writeExperimentFiles } from '../io/write-experiment-files.ts';
import { trainFigure } from './train-figure.ts';
import type { TrainReport } from './train-report.ts';

/** The files `ntk train` writes: `train.json`, `.csv` and `.svg`. */
export type TrainFiles = ExperimentFiles;

const cell = (v: number | null): number | string => (v === null ? '' : v);

/**
 * `train.csv`: one row per recorded step with the finite network's loss, the infinite-width loss, the
 * gradient-flow loss, the distance of the two predictions, and the NTK and weight changes (empty: not defined).
 *
 * @param r - The report.
 * @returns CSV text.
 * @example
 * ```ts
 * trainCsv(report).split('\n')[0]; // 'step,time,train_loss,…'
 * ```
 */
export function trainCsv(r: TrainReport): string {
  return toCsv(
    [
      'step',
      'time',
      'train_loss',
      'infinite_width_loss',
      'gradient_flow_loss',
      'prediction_distance',
      'ntk_change',
      'weight_change',
    ],
    r.run.records.map((x) => [
      x.step,
      x.time,
      x.trainLoss,
      cell(x.infiniteWidthLoss),
      cell(x.gradientFlowLoss),
      cell(x.predictionDistance),
      cell(x.ntkChange),
      x.weightChange,
    ]),
  );
}

/**
 * Writes `train.json`, `train.csv` and `train.svg` into `out` (atomically).
 *
 * @param out - The output directory (prepared).
 * @param report - The report.
 * @returns The paths.
 * @example
 * ```ts
 * const files = await writeTrainOutputs(out, report);
 * ```
 */
export async function writeTrainOutputs(out: string, report: TrainReport): Promise<TrainFiles> {
  return writeExperimentFiles(out, 'train', {
    json: report,
    csv: trainCsv(report),
    figure: trainFigure(report),
  });
}
