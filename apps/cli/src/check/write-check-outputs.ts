import { join } from 'node:path';
import type { ClaimResult } from '@ntk/bounds';
import type { CliContext } from '../context.ts';
import type { CheckReport } from '../report/check-report.ts';
import { renderVerdictTable } from '../report/render-verdict-table.ts';
import { writeCheckReport } from '../report/write-check-report.ts';
import type { CheckOutputFiles } from './check-summary-json.ts';
import { checkSummaryJson } from './check-summary-json.ts';
import { displayPath } from './display-path.ts';

/**
 * The path of a claim's result file in an `ntk check` output directory, `<out>/results/<claimId>.json`.
 *
 * @param out - The output directory.
 * @param claimId - The claim's id.
 * @returns The path.
 * @example
 * ```ts
 * claimResultPath('/tmp/r', 'hayou-2019-ntk-depth-rates'); // '/tmp/r/results/hayou-2019-ntk-depth-rates.json'
 * ```
 */
export function claimResultPath(out: string, claimId: string): string {
  return join(out, 'results', `${claimId}.json`);
}

/**
 * A claim result as the text of its `results/<claimId>.json` (pretty JSON and a newline).
 *
 * @param result - The result.
 * @returns The text.
 * @example
 * ```ts
 * await writeFileAtomic(claimResultPath(out, r.claimId), claimResultJson(r));
 * ```
 */
export function claimResultJson(result: ClaimResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/**
 * Writes the report files of a finished check run or merge (`writeCheckReport`: `report.json`, `report.md`,
 * `report.html`, `figures/`) and tells the user: without `--json`, the verdict table and the paths on
 * stdout; with `--json`, the {@link checkSummaryJson} document only.
 *
 * @param out - The output directory (absolute).
 * @param report - The report.
 * @param extra - The other files already written (results, run state, points).
 * @param ctx - The CLI context.
 * @param json - Print JSON instead of the table.
 * @returns Every file written.
 * @throws The file system's error.
 * @example
 * ```ts
 * await writeCheckOutputs(out, report, { results, run, points }, ctx, options.json === true);
 * ```
 */
export async function writeCheckOutputs(
  out: string,
  report: CheckReport,
  extra: Pick<CheckOutputFiles, 'results' | 'run' | 'points'>,
  ctx: CliContext,
  json: boolean,
): Promise<CheckOutputFiles> {
  const written = await writeCheckReport(out, report);
  const files: CheckOutputFiles = { ...written, ...extra };
  if (json) {
    ctx.stdout.write(
      `${JSON.stringify(checkSummaryJson(out, files, report.summary, report.results), null, 2)}\n`,
    );
    return files;
  }
  const width = Math.min(ctx.stdout.columns ?? 120, 160);
  const s = report.summary;
  const show = (p: string) => displayPath(p, ctx.cwd);
  const lines = [
    renderVerdictTable(report.results, { width }),
    `${s.total} claim${s.total === 1 ? '' : 's'}: ${s.supported} supported, ${s.contradicted} contradicted, ` +
      `${s.inconclusive} inconclusive, ${s.failed} failed`,
    '',
    'Wrote:',
    `  ${show(files.html)}   (open in a browser)`,
    `  ${show(files.markdown)}`,
    `  ${show(files.json)}`,
    `  ${show(join(out, 'figures'))}/ (${files.figures.length} figure${files.figures.length === 1 ? '' : 's'})`,
    `  ${show(join(out, 'results'))}/ (${files.results.length} claim result${files.results.length === 1 ? '' : 's'})`,
    ...(files.points === undefined ? [] : [`  ${show(files.points)}/ (point cache, for --resume)`]),
    `  ${show(files.run)}`,
  ];
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return files;
}
