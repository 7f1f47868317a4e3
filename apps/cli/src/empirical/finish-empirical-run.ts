import { relative } from 'node:path';
import type { CliContext } from '../context.ts';
import type { EmpiricalReport } from './empirical-report.ts';
import { renderEmpiricalSummary } from './render-empirical-summary.ts';
import { writeEmpiricalOutputs } from './write-empirical-outputs.ts';

/**
 * Writes a finished `ntk empirical` run (or a merge of its shards) and tells the user: the three files, then
 * on stdout the summary table and the paths, or with `json` one document
 * `{ format: 'ntk-empirical-summary', out, files, kind, samples, seed, deviation }`.
 *
 * @param ctx - The CLI context.
 * @param out - The output directory (prepared).
 * @param report - The report.
 * @param json - Whether stdout gets JSON.
 * @example
 * ```ts
 * await finishEmpiricalRun(ctx, out, report, options.json === true);
 * ```
 */
export async function finishEmpiricalRun(
  ctx: CliContext,
  out: string,
  report: EmpiricalReport,
  json: boolean,
): Promise<void> {
  const files = await writeEmpiricalOutputs(out, report);
  if (json) {
    ctx.stdout.write(
      `${JSON.stringify(
        {
          format: 'ntk-empirical-summary',
          out,
          files,
          kind: report.kind,
          samples: report.settings.samples,
          seed: report.settings.seed,
          deviation: report.deviation,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const show = (p: string) => relative(ctx.cwd, p) || p;
  ctx.stdout.write(renderEmpiricalSummary(report));
  ctx.stdout.write(`wrote ${show(files.json)}, ${show(files.csv)}, ${show(files.svg)}\n`);
}
