import { renderMarkdown } from '@ntk/bounds';
import type { CheckReport } from './check-report.ts';
import { decisiveTest } from './decisive-test.ts';
import { figurePath } from './figure-path.ts';
import { formatTestComparison } from './format-test.ts';
import { pointCounts } from './point-counts.ts';
import { verdictLabel } from './verdict-label.ts';

/** Options of {@link renderReportMarkdown}. */
export interface ReportMarkdownOptions {
  /**
   * The ids of the claims whose figure was written (`figures/<claimId>.svg`, see {@link figurePath}); by
   * default every ok claim with a Vega-Lite spec.
   */
  readonly figures?: ReadonlySet<string>;
}

/**
 * `report.md`: a title, the run's settings, the verdict counts, the verdict table (claim, method, verdict,
 * decisive test, points) as Markdown, then every claim as `renderMarkdown(result, { headingLevel: 2 })` of
 * `@ntk/bounds` followed by its figure as an image linking to the file (`figures/<claimId>.svg`; a failed
 * claim has none).
 *
 * @param report - The report.
 * @param options - Which figures exist.
 * @returns The Markdown text, ending with a newline.
 * @example
 * ```ts
 * await writeFileAtomic(join(out, 'report.md'), renderReportMarkdown(report));
 * ```
 */
export function renderReportMarkdown(report: CheckReport, options: ReportMarkdownOptions = {}): string {
  const s = report.settings;
  const m = report.summary;
  const cell = (x: string) => x.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const out: string[] = [];
  out.push('# NTK claims check', '');
  const origin = report.origin.kind === 'merge' ? `merged from ${report.origin.shards} shard(s)` : 'one run';
  out.push(
    `Budget \`${s.budget}\`, seed ${s.seed}, family-wise level ${Number((100 * s.level).toPrecision(6))}% per claim, ` +
      `backend \`${report.backend.info.name}\` (${report.backend.info.dtype}, asked for \`${s.backend}\`: ` +
      `${report.backend.reason}); ${origin}; started ${report.startedAt}; ` +
      `\`@ntk/cli\` ${report.environment.cliVersion}, Node ${report.environment.node} ` +
      `(${report.environment.platform}/${report.environment.arch}).`,
    '',
  );
  out.push(
    `**Summary:** ${m.total} claim(s): ${m.supported} supported, ${m.contradicted} contradicted, ` +
      `${m.inconclusive} inconclusive, ${m.failed} failed to run.`,
    '',
  );
  out.push(
    '| claim | method | verdict | decisive test: measured [interval] vs accepted | points (measured / cached) |',
    '|---|---|---|---|---|',
  );
  for (const r of report.results) {
    const t = decisiveTest(r);
    const decisive =
      r.status === 'failed'
        ? `${r.error?.name ?? 'Error'}: ${r.error?.message ?? ''}`
        : t === undefined
          ? 'no test'
          : `\`${t.id}\`: ${formatTestComparison(t)}`;
    const { measured, cached } = pointCounts(r);
    out.push(
      `| [\`${cell(r.claimId)}\`](#${anchorOf(r.title)}) | ${r.method} | ${verdictLabel(r)} | ${cell(decisive)} | ${measured} / ${cached} |`,
    );
  }
  out.push('');
  for (const r of report.results) {
    out.push(renderMarkdown(r, { headingLevel: 2 }).trimEnd(), '');
    if (r.status !== 'ok') out.push('No figure: the run failed.', '');
    else if (r.vegaLite !== null && (options.figures === undefined || options.figures.has(r.claimId)))
      out.push(`[![${cell(r.title)}](${figurePath(r.claimId)})](${figurePath(r.claimId)})`, '');
    else out.push('No figure: it could not be drawn.', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The anchor GitHub-flavoured Markdown gives a heading (lower case, punctuation dropped, spaces → `-`). */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
