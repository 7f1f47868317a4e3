import { CommanderError } from 'commander';
import type { CliContext } from './context.ts';
import { classifyError, oneLine } from './errors/classify-error.ts';
import { EXIT } from './errors/exit-codes.ts';
import { buildProgram } from './program.ts';

/**
 * Runs the `ntk` command line in-process and returns its exit code (it never calls `process.exit`):
 * 0 done (for `ntk check`, whatever the verdicts), 1 a failure to run, 2 a usage error (bad flag, config file,
 * claim id or output directory; one line on stderr naming the problem), 130 interrupted (`ctx.signal`
 * aborted by SIGINT; finished work is kept and `--resume` continues it).
 *
 * Errors are printed as one line `ntk <command>: <what went wrong>` on stderr.
 *
 * @param argv - The arguments after the program name, e.g. `['check', '--budget', 'quick']`.
 * @param ctx - Streams, cwd, env and the SIGINT signal.
 * @returns The exit code.
 * @example
 * ```ts
 * const code = await main(['kernel', '--activation', 'relu', '--json'], context);
 * ```
 */
export async function main(argv: readonly string[], ctx: CliContext): Promise<number> {
  const program = buildProgram(ctx);
  // The command is named from argv: a flag's parser can throw (UsageError) before commander's hooks run.
  const first = argv.find((a) => !a.startsWith('-'));
  const name =
    first !== undefined && program.commands.some((c) => c.name() === first) ? `ntk ${first}` : 'ntk';
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help') {
        ctx.stderr.write(`${name}: a command is required (see \`${name} --help\`)\n`);
        return EXIT.usage;
      }
      const text = oneLine(error.message.replace(/^error: /, ''));
      ctx.stderr.write(`${name}: ${text} (see \`${name} --help\`)\n`);
      return EXIT.usage;
    }
    const { code, line } = classifyError(error);
    ctx.stderr.write(`${name}: ${line}\n`);
    return code;
  }
}
