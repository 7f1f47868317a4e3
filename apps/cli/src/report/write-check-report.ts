import { join } from 'node:path';
import { vegaLiteToSvg } from '../figures/vega-lite-to-svg.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import type { CheckReport } from './check-report.ts';
import { figurePath } from './figure-path.ts';
import type { ClaimFigure } from './render-html-claim.ts';
import { renderReportHtml } from './render-report-html.ts';
import { renderReportMarkdown } from './render-report-markdown.ts';

/** The paths {@link writeCheckReport} wrote (absolute when `outDir` is). */
export interface CheckReportFiles {
  /** `<out>/report.json`. */
  readonly json: string;
  /** `<out>/report.md`. */
  readonly markdown: string;
  /** `<out>/report.html`. */
  readonly html: string;
  /** `<out>/figures/<claimId>.svg` (see `figurePath`), one per ok claim whose figure could be drawn, in result order. */
  readonly figures: readonly string[];
}

/**
 * Writes a check report's files into `outDir`, each with `writeFileAtomic`: `report.json` (the report as
 * pretty JSON and a newline), `figures/<claimId>.svg` (each ok claim's `vegaLite` spec rendered by
 * `vegaLiteToSvg`), `report.md` and `report.html` (self-contained, with the same SVGs inline). A figure that
 * cannot be rendered does not stop the report: its claim's section says why, and no SVG file is written.
 *
 * @param outDir - The output folder (created if missing; see `prepareOutDir`).
 * @param report - The report.
 * @returns The paths written.
 * @throws The file system's error when a file cannot be written.
 * @example
 * ```ts
 * const files = await writeCheckReport(out, report);
 * ctx.stdout.write(`${files.html}\n`);
 * ```
 */
export async function writeCheckReport(outDir: string, report: CheckReport): Promise<CheckReportFiles> {
  const json = join(outDir, 'report.json');
  const markdown = join(outDir, 'report.md');
  const html = join(outDir, 'report.html');
  await writeFileAtomic(json, `${JSON.stringify(report, null, 2)}\n`);
  const figures = new Map<string, ClaimFigure>();
  const figurePaths: string[] = [];
  for (const r of report.results) {
    if (r.status !== 'ok' || r.vegaLite === null) continue;
    let figure: ClaimFigure;
    try {
      figure = { svg: await vegaLiteToSvg(r.vegaLite) };
    } catch (error) {
      figure = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    figures.set(r.claimId, figure);
    if ('svg' in figure) {
      const path = join(outDir, figurePath(r.claimId));
      await writeFileAtomic(path, figure.svg);
      figurePaths.push(path);
    }
  }
  await writeFileAtomic(
    markdown,
    renderReportMarkdown(report, {
      figures: new Set([...figures].filter(([, f]) => 'svg' in f).map(([id]) => id)),
    }),
  );
  await writeFileAtomic(html, renderReportHtml(report, figures));
  return { json, markdown, html, figures: figurePaths };
}
