import { join } from 'node:path';
import { vegaLiteToSvg } from '../figures/vega-lite-to-svg.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { empiricalCsv } from './empirical-csv.ts';
import { empiricalFigure } from './empirical-figure.ts';
import type { EmpiricalReport } from './empirical-report.ts';

/** The paths of the files `ntk empirical` writes. */
export interface EmpiricalFiles {
  /** `empirical.json`: everything. */
  readonly json: string;
  /** `empirical.csv`: one row per kernel entry. */
  readonly csv: string;
  /** `empirical.svg`: empirical vs analytic entries. */
  readonly svg: string;
}

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
  const files = {
    json: join(out, 'empirical.json'),
    csv: join(out, 'empirical.csv'),
    svg: join(out, 'empirical.svg'),
  };
  await writeFileAtomic(files.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFileAtomic(files.csv, empiricalCsv(report));
  await writeFileAtomic(files.svg, await vegaLiteToSvg(empiricalFigure(report)));
  return files;
}
