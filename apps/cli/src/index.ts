/**
 * The `ntk` command line as a library: {@link main} runs it in-process (for tests and embedding) and returns
 * the exit code; the report types describe what `ntk check` writes.
 *
 * @packageDocumentation
 * @module @ntk/cli
 */
export type { CliContext, OutputStream } from './context.ts';
export { classifyError, isAbortError } from './errors/classify-error.ts';
export { EXIT } from './errors/exit-codes.ts';
export { UsageError } from './errors/usage-error.ts';
export { main } from './main.ts';
export type { CheckReport, CheckSettings, CheckSummary } from './report/check-report.ts';
export { summarise } from './report/check-report.ts';
export { type ReportMarkdownOptions, renderReportMarkdown } from './report/render-report-markdown.ts';
export { renderVerdictTable, type VerdictTableOptions } from './report/render-verdict-table.ts';
export { reportSchema } from './report/report-schema.ts';
export { validateCheckReport } from './report/validate-check-report.ts';
export { type CheckReportFiles, writeCheckReport } from './report/write-check-report.ts';
export { CLI_VERSION } from './version.ts';
