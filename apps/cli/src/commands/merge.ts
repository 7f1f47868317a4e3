import { resolve } from 'node:path';
import { Command } from 'commander';
import { mergeCheckShards } from '../check/merge-check-shards.ts';
import type { CliContext } from '../context.ts';
import { mergeMomentsShards } from '../empirical/merge-moments-shards.ts';
import { prepareOutDir } from '../io/prepare-out-dir.ts';
import { checkShardSet, readShardManifest } from '../shard/shard-manifest.ts';

/** Options of `ntk merge`. */
export interface MergeOptions {
  /** Output directory for the merged result. */
  readonly out: string;
  /** Print the result as JSON on stdout. */
  readonly json?: boolean;
}

/**
 * `ntk merge DIR…`: combines the output directories of the shards `--shard 1/n … n/n` of one run
 * (`ntk check` or `ntk empirical --samples`) into the result a single-machine run gives, bit for bit.
 *
 * @param ctx - The CLI context.
 * @returns The command.
 */
export function mergeCommand(ctx: CliContext): Command {
  return new Command('merge')
    .description('combine the output directories of the shards 1/n … n/n of one run into one result')
    .argument('<dirs...>', 'the shards’ output directories (any order)')
    .option('--out <dir>', 'where to write the merged result', 'ntk-merged')
    .option('--json', 'print the merged result (or its summary) as JSON on stdout')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ntk check --budget full --shard 1/3 --out shard-1   (and 2/3, 3/3, e.g. on three machines)',
        '  ntk merge shard-1 shard-2 shard-3 --out ntk-report',
        '  ntk empirical --samples 4096 --shard 2/4 --out mc-2 ... ; ntk merge mc-* --out mc',
      ].join('\n'),
    )
    .action(async (dirs: string[], options: MergeOptions) => {
      const paths = dirs.map((d) => resolve(ctx.cwd, d));
      const manifests = await Promise.all(paths.map((d) => readShardManifest(d)));
      const set = checkShardSet(dirs, manifests);
      const sortedPaths = set.dirs.map((d) => resolve(ctx.cwd, d));
      const out = await prepareOutDir(options.out, ctx.cwd);
      const kind = set.manifests[0]?.kind;
      if (kind === 'check') await mergeCheckShards(sortedPaths, set.manifests, out, ctx, options);
      else await mergeMomentsShards(sortedPaths, set.manifests, out, ctx, options);
    });
}
