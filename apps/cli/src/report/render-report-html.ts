import type { CheckReport } from './check-report.ts';
import { escapeHtml } from './escape-html.ts';
import { REPORT_CSS } from './html-styles.ts';
import { type ClaimFigure, renderHtmlClaim } from './render-html-claim.ts';
import { renderHtmlHeader } from './render-html-header.ts';
import { renderHtmlVerdictTable } from './render-html-verdict-table.ts';

/**
 * `report.html`: one self-contained page — inline CSS, inline SVG figures, no scripts and no external
 * resources, so it renders offline — with the settings header and verdict counts, the verdict table linking
 * to each claim's section, and one section per claim ({@link renderHtmlClaim}).
 *
 * @param report - The report.
 * @param figures - Each ok claim's figure by claim id (`{ svg }`, or `{ error }` when it could not be drawn).
 * @returns The HTML document, ending with a newline.
 * @example
 * ```ts
 * const svg = await vegaLiteToSvg(result.vegaLite);
 * renderReportHtml(report, new Map([[result.claimId, { svg }]]));
 * ```
 */
export function renderReportHtml(report: CheckReport, figures: ReadonlyMap<string, ClaimFigure>): string {
  const m = report.summary;
  const title = `NTK claims check: ${m.supported}/${m.total} supported (${report.settings.budget}, seed ${report.settings.seed})`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No favicon request: an empty data URL.
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    renderHtmlHeader(report),
    '<main>',
    '<h2 id="verdicts">Verdicts</h2>',
    renderHtmlVerdictTable(report.results),
    ...report.results.map((r) => renderHtmlClaim(r, figures.get(r.claimId))),
    '</main>',
    `<footer><p>Written by <code>ntk check</code> (@ntk/cli ${escapeHtml(report.environment.cliVersion)}); the numbers are in <a href="report.json">report.json</a>.</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
