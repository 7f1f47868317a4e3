import { Command } from 'commander';
import { checkCommand } from './commands/check.ts';
import { empiricalCommand } from './commands/empirical.ts';
import { kernelCommand } from './commands/kernel.ts';
import { mergeCommand } from './commands/merge.ts';
import { phaseCommand } from './commands/phase.ts';
import { trainCommand } from './commands/train.ts';
import type { CliContext } from './context.ts';
import { CLI_VERSION } from './version.ts';

/**
 * The `ntk` program (commander): `check`, `kernel`, `empirical`, `train`, `phase`, `merge`, with `--help` on
 * each and `--version`. Output goes to the context's streams; parse errors are thrown (see {@link main}) so
 * that they exit with code 2 and one line.
 *
 * @param ctx - Streams, cwd, env, SIGINT signal.
 * @returns The program, ready for `parseAsync(argv, { from: 'user' })`.
 */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('ntk')
    .description(
      'Neural Tangent Kernel research from the command line: check published claims, compute kernels, ' +
        'run finite networks and training, draw phase diagrams.',
    )
    .version(CLI_VERSION, '-V, --version', 'print the version of @ntk/cli')
    .helpOption('-h, --help', 'show help')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ntk check --budget quick                 run every claim at its quick budget → ./ntk-report/',
        '  ntk check --claims jacot-2018-init-convergence --json',
        '  ntk kernel --activation relu --depth 3 --data sphere:8:3',
        '  ntk <command> --help                     flags of a command, with examples',
      ].join('\n'),
    );
  for (const make of [
    checkCommand,
    kernelCommand,
    empiricalCommand,
    trainCommand,
    phaseCommand,
    mergeCommand,
  ]) {
    program.addCommand(make(ctx));
  }
  configureAll(program, ctx);
  return program;
}

/** Every command: throw instead of exiting, help on stdout, no error printing of its own (main prints one line). */
function configureAll(command: Command, ctx: CliContext): void {
  command.exitOverride();
  command.configureOutput({
    writeOut: (s) => ctx.stdout.write(s),
    writeErr: (s) => ctx.stderr.write(s),
    outputError: () => {},
  });
  for (const sub of command.commands) configureAll(sub, ctx);
}
