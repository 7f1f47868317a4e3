import type { ClaimResult } from '@ntk/bounds';
import { claimAnchor } from './claim-anchor.ts';
import { decisiveTest } from './decisive-test.ts';
import { escapeHtml } from './escape-html.ts';
import { formatTestComparison } from './format-test.ts';
import { pointCounts } from './point-counts.ts';
import { verdictBadge } from './verdict-badge.ts';

/**
 * The verdict table of `report.html`: one row per claim with its id linking to the claim's section, title,
 * method, verdict badge, the decisive test (the first contradicted, else first inconclusive, else first test)
 * as measured value [interval] vs accepted region, or the error of a failed run, and points measured / cached.
 *
 * @param results - The claims' results.
 * @returns An HTML `<table>` (all text escaped).
 * @example
 * ```ts
 * renderHtmlVerdictTable(report.results);
 * ```
 */
export function renderHtmlVerdictTable(results: readonly ClaimResult[]): string {
  const rows = results.map((r) => {
    const t = decisiveTest(r);
    const decisive =
      r.status === 'failed'
        ? escapeHtml(`${r.error?.name ?? 'Error'}: ${r.error?.message ?? ''}`)
        : t === undefined
          ? 'no test'
          : `<code>${escapeHtml(t.id)}</code>: ${escapeHtml(formatTestComparison(t))}`;
    const { measured, cached } = pointCounts(r);
    return (
      `<tr data-claim="${escapeHtml(r.claimId)}"><td><a href="#${claimAnchor(r.claimId)}"><code>${escapeHtml(r.claimId)}</code></a>` +
      `<br>${escapeHtml(r.title)}</td><td>${escapeHtml(r.method)}</td><td>${verdictBadge(r)}</td>` +
      `<td>${decisive}</td><td class="num">${measured} / ${cached}</td></tr>`
    );
  });
  return [
    '<div class="table-wrap"><table class="verdicts">',
    '<thead><tr><th>claim</th><th>method</th><th>verdict</th><th>decisive test: measured [interval] vs accepted</th><th>points (measured / cached)</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table></div>',
  ].join('\n');
}
