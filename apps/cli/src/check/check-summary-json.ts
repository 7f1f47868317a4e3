import type { ClaimResult } from '@ntk/bounds';
import type { CheckSummary } from '../report/check-report.ts';
import type { CheckReportFiles } from '../report/write-check-report.ts';

/** Every file an `ntk check` run (or `ntk merge`) wrote, as absolute paths. */
export interface CheckOutputFiles extends CheckReportFiles {
  /** `<out>/results/<claimId>.json`, in run order. */
  readonly results: readonly string[];
  /** `<out>/run.json`. */
  readonly run: string;
  /** `<out>/points` (the point cache; absent after a merge). */
  readonly points?: string;
}

/** What `ntk check --json` prints on stdout: where the files are and the verdicts. */
export interface CheckSummaryJson {
  /** Always `'ntk-check-summary'`. */
  readonly format: 'ntk-check-summary';
  /** The output directory (absolute). */
  readonly out: string;
  /** The files written. */
  readonly files: CheckOutputFiles;
  /** The verdict counts. */
  readonly summary: CheckSummary;
  /** Each claim's status and verdict, in run order. */
  readonly results: readonly {
    readonly claimId: string;
    readonly status: ClaimResult['status'];
    readonly verdict: ClaimResult['verdict'];
  }[];
}

/**
 * The `--json` summary of `ntk check` / `ntk merge`.
 *
 * @param out - The output directory (absolute).
 * @param files - The files written.
 * @param summary - The verdict counts.
 * @param results - The results, in run order.
 * @returns The summary object.
 * @example
 * ```ts
 * ctx.stdout.write(`${JSON.stringify(checkSummaryJson(out, files, report.summary, report.results), null, 2)}\n`);
 * ```
 */
export function checkSummaryJson(
  out: string,
  files: CheckOutputFiles,
  summary: CheckSummary,
  results: readonly ClaimResult[],
): CheckSummaryJson {
  return {
    format: 'ntk-check-summary',
    out,
    files,
    summary,
    results: results.map((r) => ({ claimId: r.claimId, status: r.status, verdict: r.verdict })),
  };
}
