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
export { CLI_VERSION } from './version.ts';
