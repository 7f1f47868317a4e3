import { type ExperimentFiles, writeExperimentFiles } from '../io/write-experiment-files.ts';
import { empiricalCsv } from './empirical-csv.ts';
import { empiricalFigure } from './empirical-figure.ts';
import type { EmpiricalReport } from './empirical-report.ts';

/** The files `ntk empirical` writes: `empirical.json`, `.csv` and `.svg`. */
export type EmpiricalFiles = ExperimentFiles;

/**
 * Writes `empirical.json`, `empirical.csv` and `empirical.svg` into `out` (atomically). Their bytes depend on
 * the report only, so a merged sharded run writes the same files as a single run.
 *
 * @param out - The output directory (prepared).
 * @param report - The report.
 * @returns The paths.
 * @example
 * ```ts
 * const files = await writeEmpiricalOutputs(out, report);
 * ```
 */
export async function writeEmpiricalOutputs(out: string, report: EmpiricalReport): Promise<EmpiricalFiles> {
  return writeExperimentFiles(out, 'empirical', {
    json: report,
    csv: empiricalCsv(report),
    figure: empiricalFigure(report),
  });
}
