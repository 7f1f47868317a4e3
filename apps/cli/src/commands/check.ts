import { Command } from 'commander';
import { BACKEND_NAMES } from '../backend/resolve-cli-backend.ts';
import type { CheckOptions } from '../check/check-options.ts';
import { runCheck } from '../check/run-check.ts';
import type { CliContext } from '../context.ts';
import { choiceFlag, integerFlag, listFlag } from '../flags/parse-flags.ts';
import { parseShard } from '../shard/shard.ts';

/**
 * `ntk check`: runs the published claims of `@ntk/bounds` (all, or `--claims id,…`) at a budget and seed,
 * with progress on stderr, and writes a report (`report.json`, `report.md`, `report.html` with one figure per
 * claim), `figures/`, `results/`, the point cache `points/` and `run.json` into `--out`; prints the verdict
 * table. Exit code 0 whatever the verdicts; 2 for bad input; 130 when interrupted (rerun with `--resume`).
 * `--shard k/n` measures one shard's points for `ntk merge`; `--list` prints the registry.
 *
 * @param ctx - The CLI context.
 * @returns The command.
 * @example
 * ```ts
 * program.addCommand(checkCommand(ctx)); // ntk check --claims hayou-2019-ntk-depth-rates --budget quick
 * ```
 */
export function checkCommand(ctx: CliContext): Command {
  return new Command('check')
    .description(
      'check published NTK claims: measure each claim on its grid, compare with the theory, and write a report ' +
        'with a verdict (supported / contradicted / inconclusive) and a figure per claim',
    )
    .option(
      '--claims <ids>',
      'comma-separated claim ids, in the order to run (default: all; see --list)',
      listFlag('--claims'),
    )
    .option(
      '--budget <budget>',
      "grid size: 'quick' (minutes) or 'full'",
      choiceFlag('--budget', ['quick', 'full'] as const),
      'quick',
    )
    .option('--seed <n>', 'seed of every random quantity (integer ≥ 0)', integerFlag('--seed', 0), 0)
    .option(
      '--backend <name>',
      `compute backend: ${BACKEND_NAMES.join(', ')}`,
      choiceFlag('--backend', BACKEND_NAMES),
      'cpu',
    )
    .option('--out <dir>', 'output directory', 'ntk-report')
    .option(
      '--shard <k/n>',
      "measure only shard k of n of the run's points (then `ntk merge` the n directories)",
      parseShard,
    )
    .option(
      '--resume',
      'continue an interrupted run in --out: reuse the points it saved (same settings only)',
    )
    .option('--list', 'print the claims (id, method, title) and exit')
    .option('--json', 'print a JSON summary on stdout instead of the table')
    .addHelpText(
      'after',
      [
        '',
        'Output (in --out): report.html (open it in a browser), report.md, report.json, figures/<id>.svg,',
        'results/<id>.json, points/ (saved points, for --resume), run.json (status, timing).',
        'Exit code: 0 whatever the verdicts, 1 a failure to run, 2 bad input, 130 interrupted (Ctrl-C).',
        '',
        'Examples:',
        '  ntk check --budget quick                               every claim, quick grids → ./ntk-report/',
        '  ntk check --list                                       the claims',
        '  ntk check --claims hayou-2019-ntk-depth-rates,jacot-2018-init-convergence --out report',
        '  ntk check --budget full --resume                       continue after Ctrl-C',
        '  ntk check --budget full --shard 2/3 --out shard-2      one of three shards; then:',
        '  ntk merge shard-1 shard-2 shard-3 --out ntk-report',
        '  ntk check --claims st-arnaud-2025-predictor-limit --json',
      ].join('\n'),
    )
    .action(async (options: CheckOptions) => {
      await runCheck(options, ctx);
    });
}
