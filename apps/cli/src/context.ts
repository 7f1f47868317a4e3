/** Where a command writes: a stream's `write` and whether it is a terminal (for progress bars and colour). */
export interface OutputStream {
  /** Writes text. */
  write(text: string): unknown;
  /** Whether the stream is a terminal. */
  readonly isTTY?: boolean;
  /** Terminal width in columns, when a terminal. */
  readonly columns?: number;
}

/**
 * What a command gets from the process (injected, so tests run commands in-process): the output streams,
 * the working directory, the environment, and a signal aborted by SIGINT (Ctrl-C) so long runs stop cleanly.
 */
export interface CliContext {
  /** Results: tables, `--json` output. */
  readonly stdout: OutputStream;
  /** Progress, warnings and error lines. */
  readonly stderr: OutputStream;
  /** Base for relative paths. */
  readonly cwd: string;
  /** Environment variables. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT; commands pass it to the `@ntk` runners and stop between steps. */
  readonly signal: AbortSignal;
}
