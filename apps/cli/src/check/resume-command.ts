import type { CheckOptions } from './check-options.ts';
import { shellQuote } from './shell-quote.ts';

/**
 * The command that continues an interrupted `ntk check` run: the same settings and `--resume`.
 *
 * @param options - The run's options.
 * @returns E.g. `ntk check --claims a,b --budget quick --seed 0 --backend cpu --out ntk-report --resume`.
 * @example
 * ```ts
 * ctx.stderr.write(`continue with: ${resumeCommand(options)}\n`);
 * ```
 */
export function resumeCommand(options: CheckOptions): string {
  return [
    'ntk check',
    ...(options.claims === undefined ? [] : [`--claims ${shellQuote(options.claims.join(','))}`]),
    `--budget ${options.budget}`,
    `--seed ${options.seed}`,
    `--backend ${options.backend}`,
    `--out ${shellQuote(options.out)}`,
    ...(options.shard === undefined ? [] : [`--shard ${options.shard.index}/${options.shard.count}`]),
    '--resume',
  ].join(' ');
}
