/**
 * A problem with what the user asked for (a bad flag, a bad config file, an unknown claim id, an output
 * directory that cannot be written): the `ntk` command prints its message on one line and exits with code 2.
 *
 * The message names the problem and, where there is one, the flag, field or path; it does not repeat the
 * command name (the CLI prefixes `ntk <command>: `).
 *
 * @example
 * ```ts
 * throw new UsageError("--budget must be 'quick' or 'full', got 'fast'");
 * ```
 */
export class UsageError extends Error {
  /** @param message - One line: what is wrong, naming the flag, field or path. */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
