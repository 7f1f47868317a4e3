import type { ClaimResult } from '@ntk/bounds';
import Table from 'cli-table3';
import { decisiveTest } from './decisive-test.ts';
import { formatTestComparison } from './format-test.ts';
import { pointCounts } from './point-counts.ts';
import { verdictLabel } from './verdict-label.ts';
import { breakLongWords } from './wrap-id.ts';

/** Options of {@link renderVerdictTable}. */
export interface VerdictTableOptions {
  /** Total width of the table in columns (default 120; at least 60). Long cells wrap. */
  readonly width?: number;
}

const HEAD = [
  'claim',
  'method',
  'verdict',
  'decisive test: measured [interval] vs accepted',
  'points\nmeasured\n/ cached',
];
/** Widths (with padding) of the method, verdict and points columns; claim and test share the rest. */
const FIXED = { method: 13, verdict: 14, points: 10 };
const MIN_WIDTH = 72;

/**
 * The verdicts of a run as a plain-text table (cli-table3, no colours) for the terminal: one row per claim
 * with its id, method, verdict (or `failed: <stage>`), the decisive test — the first contradicted test, else
 * the first inconclusive, else the first — as its id, then `value [interval] vs [lo, hi]` (the accepted
 * region; infinite ends `−∞`/`+∞`; numbers by `formatNumber`), or the error for a failed run, and the points
 * measured / taken from the cache. Cells wrap at spaces, and words too long for their column (ids) break
 * after hyphens, so nothing is cut and the table is `width` columns wide at most (`width` below 72 counts
 * as 72).
 *
 * @param results - Claim results, in the order to show.
 * @param options - Width.
 * @returns The table, lines joined by `\n`, without a final newline.
 * @example
 * ```ts
 * ctx.stdout.write(`${renderVerdictTable(run.results)}\n`);
 * ```
 */
export function renderVerdictTable(
  results: readonly ClaimResult[],
  options: VerdictTableOptions = {},
): string {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? 120));
  const rest = width - (HEAD.length + 1) - FIXED.method - FIXED.verdict - FIXED.points;
  const claimWidth = Math.min(30, Math.floor(0.35 * rest));
  const colWidths = [claimWidth, FIXED.method, FIXED.verdict, rest - claimWidth, FIXED.points];
  const table = new Table({
    head: HEAD,
    colWidths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], compact: false },
  });
  for (const r of results) {
    const test = decisiveTest(r);
    let decisive: string;
    if (r.status === 'failed') {
      const e = r.error;
      const where = e?.pointIndex === undefined ? '' : ` at point ${e.pointIndex}`;
      decisive = `${e?.name ?? 'Error'}${where}: ${e?.message ?? ''}`;
    } else if (test === undefined) {
      decisive = 'no test';
    } else {
      decisive = `${test.id}:\n${formatTestComparison(test)}`;
    }
    const { measured, cached } = pointCounts(r);
    const row = [r.claimId, r.method, verdictLabel(r), decisive, `${measured} / ${cached}`];
    table.push(row.map((cell, i) => breakLongWords(cell, (colWidths[i] as number) - 2)));
  }
  return table.toString();
}
