import { Command } from 'commander';
import { loadConfigFile } from '../config/load-config-file.ts';
import { resolveConfig } from '../config/resolve-config.ts';
import type { CliContext } from '../context.ts';
import type { parseDataFlag } from '../data/data-settings.ts';
import { addDataFlag, addOutputFlags, addSeedFlag } from '../flags/common-flags.ts';
import { prepareOutDir } from '../io/prepare-out-dir.ts';
import { KERNEL_SCHEMA, type KernelSettings } from '../kernel/kernel-settings.ts';
import { renderKernelSummary } from '../kernel/kernel-summary.ts';
import { runKernel } from '../kernel/run-kernel.ts';
import { addNetworkFlags, networkFlagValues } from '../spec/network-settings.ts';

/** The options commander hands to `ntk kernel` (no defaults: they live in {@link KERNEL_SCHEMA}). */
interface KernelOptions {
  readonly activation?: string;
  readonly depth?: number;
  readonly sigmaW2?: number;
  readonly sigmaB2?: number;
  readonly parameterization?: string;
  readonly data?: ReturnType<typeof parseDataFlag>;
  readonly seed?: number;
  readonly perLayer?: boolean;
  readonly config?: string;
  readonly out: string;
  readonly json?: boolean;
}

const EXAMPLES = [
  '',
  'Examples:',
  '  ntk kernel                                         ReLU, depth 2: Θ and Σ against the angle → ./ntk-kernel/',
  '  ntk kernel --activation erf --depth 5 --sigma-b2 0.1 --data sphere:8:3',
  '  ntk kernel --activation "x*tanh(x)" --data csv:points.csv --per-layer --out erf-kernel',
  '  ntk kernel --config kernel.yaml --json             settings from a file (keys: activation, depth, sigmaW2,',
  '                                                     sigmaB2, parameterization, data, seed, perLayer)',
].join('\n');

/**
 * `ntk kernel`: the infinite-width NNGP Σ and NTK Θ of a fully-connected network on a set of inputs
 * (`mlpKernels` of `@ntk/analytic`), written to `<out>/kernel.json`, `kernel.csv` and `kernel.svg`; a short
 * table on stdout (or one JSON document with `--json`).
 *
 * @param ctx - Streams, cwd, env, signal.
 * @returns The command.
 * @example
 * ```ts
 * program.addCommand(kernelCommand(ctx));
 * ```
 */
export function kernelCommand(ctx: CliContext): Command {
  const command = new Command('kernel').description(
    'infinite-width NNGP and NTK of a fully-connected network on a set of inputs (JSON, CSV and an SVG figure)',
  );
  addNetworkFlags(command, false);
  addDataFlag(command, 'angles:33:2');
  addSeedFlag(command, 'random inputs');
  command.option('--per-layer', "also every layer's Σ^l, Θ^l and its share of the NTK");
  addOutputFlags(command, 'ntk-kernel')
    .addHelpText('after', EXAMPLES)
    .action(async (options: KernelOptions) => {
      const file = options.config;
      const settings = resolveConfig<KernelSettings>(
        KERNEL_SCHEMA,
        file !== undefined ? await loadConfigFile(file, ctx.cwd) : undefined,
        {
          ...networkFlagValues(options, false),
          data: options.data,
          seed: options.seed,
          perLayer: options.perLayer,
        },
        `--config ${file}`,
      );
      const out = await prepareOutDir(options.out, ctx.cwd);
      const { doc, summary } = await runKernel(settings, out, ctx);
      if (options.json === true) {
        ctx.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        return;
      }
      ctx.stdout.write(renderKernelSummary(doc));
      ctx.stdout.write(`Wrote:\n  ${summary.files.json}\n  ${summary.files.csv}\n  ${summary.files.svg}\n`);
    });
  return command;
}
