import { join } from 'node:path';
import { Command } from 'commander';
import { resolveCliBackend } from '../backend/resolve-cli-backend.ts';
import { loadConfigFile } from '../config/load-config-file.ts';
import { resolveConfig } from '../config/resolve-config.ts';
import type { CliContext } from '../context.ts';
import type { parseDataFlag } from '../data/data-settings.ts';
import { loadData } from '../data/load-data.ts';
import { BLOCKS_DIR } from '../empirical/block-cache.ts';
import { buildEmpiricalReport } from '../empirical/empirical-report.ts';
import {
  canonicalEmpiricalSettings,
  EMPIRICAL_SCHEMA,
  type EmpiricalSettings,
} from '../empirical/empirical-settings.ts';
import { finishEmpiricalRun } from '../empirical/finish-empirical-run.ts';
import { measureEmpirical, measureMomentsUnit } from '../empirical/measure-empirical.ts';
import { writeMomentsUnitFile } from '../empirical/moments-unit-file.ts';
import { isAbortError } from '../errors/classify-error.ts';
import { UsageError } from '../errors/usage-error.ts';
import { addBackendFlag, addDataFlag, addOutputFlags, addSeedFlag } from '../flags/common-flags.ts';
import { choiceFlag, integerFlag } from '../flags/parse-flags.ts';
import { prepareOutDir } from '../io/prepare-out-dir.ts';
import { createProgressReporter, progressMode } from '../progress/progress-reporter.ts';
import { parseShard, type Shard, shardRange } from '../shard/shard.ts';
import { writeShardManifest } from '../shard/shard-manifest.ts';
import { addNetworkFlags, networkFlagValues } from '../spec/network-settings.ts';
import { CLI_VERSION } from '../version.ts';

/** The options commander hands to the action of `ntk empirical`. */
interface EmpiricalFlags {
  readonly activation?: string;
  readonly depth?: number;
  readonly width?: number;
  readonly sigmaW2?: number;
  readonly sigmaB2?: number;
  readonly parameterization?: string;
  readonly data?: ReturnType<typeof parseDataFlag>;
  readonly seed?: number;
  readonly samples?: number;
  readonly blockSize?: number;
  readonly method?: string;
  readonly perLayer?: boolean;
  readonly backend?: string;
  readonly shard?: Shard;
  readonly resume?: boolean;
  readonly config?: string;
  readonly out: string;
  readonly json?: boolean;
}

const EXAMPLES = [
  '',
  'Examples:',
  '  ntk empirical                                   one relu network (depth 2, width 512) on 8 points of the sphere in ℝ³',
  '  ntk empirical --width 2048 --per-layer --method jacobian',
  '  ntk empirical --samples 256 --width 128 --data angles:17:2 --out mc',
  '  ntk empirical --samples 4096 --shard 2/4 --out mc-2     (shards 1/4 … 4/4, then: ntk merge mc-1 mc-2 mc-3 mc-4 --out mc)',
  '  ntk empirical --samples 100000 --width 64 --out mc      (Ctrl-C keeps finished blocks; rerun with --resume)',
  '  ntk empirical --config empirical.yaml --json',
  '',
  'Keys: the data come from foldIn(key(seed), 0), initialisation k = 0..K−1 from foldIn(foldIn(key(seed), 1), k).',
].join('\n');

/**
 * `ntk empirical`: the empirical NTK of a finite network at initialisation (K = 1), or its Monte-Carlo mean,
 * variance and standard error over K initialisations (`--samples K`, blocks of `--block-size`, shardable with
 * `--shard k/n` and merged bit for bit by `ntk merge`), beside the analytic NTK of `@ntk/analytic` with the
 * relative deviation. Writes `empirical.json`, `empirical.csv` and `empirical.svg` into `--out`.
 *
 * @param ctx - The CLI context.
 * @returns The command.
 * @example
 * ```ts
 * program.addCommand(empiricalCommand(ctx));
 * ```
 */
export function empiricalCommand(ctx: CliContext): Command {
  const command = new Command('empirical').description(
    'the empirical NTK of finite networks (one, or Monte-Carlo moments over K initialisations) beside the analytic NTK',
  );
  addNetworkFlags(command, true);
  addDataFlag(command, 'sphere:8:3');
  addSeedFlag(command, 'the data and the networks');
  command
    .option(
      '--samples <K>',
      'initialisations: 1 = one network, K > 1 = Monte-Carlo moments (default 1)',
      integerFlag('--samples', 1),
    )
    .option(
      '--block-size <b>',
      'initialisations per Monte-Carlo block, the unit of shards (default 16)',
      integerFlag('--block-size', 1),
    )
    .option(
      '--method <m>',
      'structured or jacobian (default structured; jacobian only with --samples 1)',
      choiceFlag('--method', ['structured', 'jacobian']),
    )
    .option('--per-layer', 'also the per-layer contributions Θ̂_l');
  addBackendFlag(command)
    .option(
      '--shard <k/n>',
      'run only shard k of n of the K initialisations (whole blocks; needs --samples > 1)',
      parseShard,
    )
    .option('--resume', 'K > 1: reuse the finished blocks of an interrupted run in --out (same settings)');
  return addOutputFlags(command, 'ntk-empirical')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: EmpiricalFlags) => {
      const file = flags.config === undefined ? undefined : await loadConfigFile(flags.config, ctx.cwd);
      const settings = canonicalEmpiricalSettings(
        resolveConfig<EmpiricalSettings>(
          EMPIRICAL_SCHEMA,
          file,
          {
            ...networkFlagValues(flags),
            data: flags.data,
            seed: flags.seed,
            samples: flags.samples,
            blockSize: flags.blockSize,
            method: flags.method,
            perLayer: flags.perLayer,
            backend: flags.backend,
          },
          `--config ${flags.config}`,
        ),
      );
      if (settings.method === 'jacobian' && settings.samples > 1) {
        throw new UsageError(
          '--method jacobian works with --samples 1 only (the Monte-Carlo moments use the structured method)',
        );
      }
      if (flags.shard !== undefined && settings.samples === 1) {
        throw new UsageError('--shard needs --samples K > 1 (it splits the K initialisations)');
      }
      if (flags.resume === true && settings.samples === 1) {
        throw new UsageError('--resume needs --samples K > 1 (it reuses finished Monte-Carlo blocks)');
      }
      const out = await prepareOutDir(flags.out, ctx.cwd);
      const cache = { out, resume: flags.resume === true };
      let blocksDone = 0;
      const data = await loadData(settings.data, settings.seed, ctx.cwd);
      const x = data.x.toFloat64();
      const { backend } = await resolveCliBackend(settings.backend);
      const progress = createProgressReporter(ctx.stderr, {
        mode: settings.samples > 1 ? progressMode(ctx.stdout) : 'off',
      });
      const started = Date.now();
      const onBlock = () => {
        blocksDone++;
      };
      const onSample = (done: number, total: number) => {
        const elapsed = Date.now() - started;
        progress.update([
          {
            fraction: done / total,
            label: `empirical NTK: ${total} initialisations`,
            remainingMs: done === 0 ? null : (elapsed / done) * (total - done),
          },
        ]);
      };
      try {
        if (flags.shard !== undefined) {
          const shard = flags.shard;
          const [start, end] = shardRange(shard, settings.samples, settings.blockSize);
          const manifest = {
            format: 'ntk-shard' as const,
            formatVersion: 1 as const,
            kind: 'empirical-moments' as const,
            shard,
            settings,
            cliVersion: CLI_VERSION,
          };
          await writeShardManifest(out, { ...manifest, complete: false });
          const unit = await measureMomentsUnit(
            settings,
            x,
            start,
            end,
            { backend, signal: ctx.signal, onSample, onBlock },
            cache,
          );
          const unitPath = await writeMomentsUnitFile(out, {
            format: 'ntk-moments-unit',
            formatVersion: 1,
            data: { description: data.description, x: x.toArray() },
            unit,
          });
          await writeShardManifest(out, { ...manifest, complete: true });
          progress.stop();
          if (flags.json === true) {
            ctx.stdout.write(
              `${JSON.stringify({ format: 'ntk-empirical-shard', out, shard, range: [start, end], files: { unit: unitPath } }, null, 2)}\n`,
            );
          } else {
            ctx.stdout.write(
              `shard ${shard.index}/${shard.count}: initialisations ${start}..${end - 1} of ${settings.samples} (${end - start}); wrote ${unitPath} and shard.json\n` +
                `merge the shards with: ntk merge DIR… --out DIR\n`,
            );
          }
          return;
        }
        const measured = await measureEmpirical(
          settings,
          x,
          { backend, signal: ctx.signal, onSample, onBlock },
          cache,
        );
        progress.stop();
        await finishEmpiricalRun(
          ctx,
          out,
          buildEmpiricalReport(settings, x, data.description, measured),
          flags.json === true,
        );
      } catch (error) {
        progress.stop();
        if (isAbortError(error) && settings.samples > 1) {
          ctx.stderr.write(
            `ntk empirical: interrupted; ${blocksDone} finished block${blocksDone === 1 ? '' : 's'} of ${settings.blockSize} initialisations kept in ${join(out, BLOCKS_DIR)}; continue with the same command and --resume\n`,
          );
        }
        throw error;
      } finally {
        progress.stop();
        backend.dispose();
      }
    });
}
