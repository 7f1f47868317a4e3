import { relative } from 'node:path';
import { Command } from 'commander';
import { resolveCliBackend } from '../backend/resolve-cli-backend.ts';
import { loadConfigFile } from '../config/load-config-file.ts';
import { resolveConfig } from '../config/resolve-config.ts';
import type { CliContext } from '../context.ts';
import type { parseDataFlag } from '../data/data-settings.ts';
import { loadData } from '../data/load-data.ts';
import { isAbortError } from '../errors/classify-error.ts';
import { UsageError } from '../errors/usage-error.ts';
import { addBackendFlag, addDataFlag, addOutputFlags, addSeedFlag } from '../flags/common-flags.ts';
import { choiceFlag, integerFlag } from '../flags/parse-flags.ts';
import { prepareOutDir } from '../io/prepare-out-dir.ts';
import { createProgressReporter, progressMode } from '../progress/progress-reporter.ts';
import { addNetworkFlags, networkFlagValues } from '../spec/network-settings.ts';
import { renderTrainSummary } from '../train/render-train-summary.ts';
import { runTrain, type TrainRun, type TrainStepRecord } from '../train/run-train.ts';
import { buildTrainReport } from '../train/train-report.ts';
import {
  finishTrainSettings,
  TRAIN_OPTIMIZERS,
  TRAIN_SCHEMA,
  type TrainSettings,
} from '../train/train-settings.ts';
import { trainTargets } from '../train/train-targets.ts';
import { writeTrainOutputs } from '../train/write-train-outputs.ts';

/** The options commander hands to the action of `ntk train`. */
interface TrainFlags {
  readonly activation?: string;
  readonly depth?: number;
  readonly width?: number;
  readonly sigmaW2?: number;
  readonly sigmaB2?: number;
  readonly parameterization?: string;
  readonly data?: ReturnType<typeof parseDataFlag>;
  readonly target?: string;
  readonly steps?: number;
  readonly lr?: number | 'auto';
  readonly optimizer?: string;
  readonly seed?: number;
  readonly backend?: string;
  readonly config?: string;
  readonly out: string;
  readonly json?: boolean;
}

function lrFlag(text: string): number | 'auto' {
  if (text === 'auto') return 'auto';
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v <= 0) {
    throw new UsageError(`--lr must be a positive number or auto, got ${JSON.stringify(text)}`);
  }
  return v;
}

const EXAMPLES = [
  '',
  'Examples:',
  '  ntk train                                         relu, depth 2, width 512 on 16 points of the sphere in ℝ³, target sin(2*x1)',
  "  ntk train --target 'sin(3*x1) + x2*x3' --width 2048 --steps 500",
  '  ntk train --data mnist:64 --target labels --width 1024 --lr 0.5',
  '  ntk train --optimizer momentum --steps 300 --json',
  '  ntk train --config train.yaml --out runs/wide',
  '',
  'Targets: an expression in the coordinates x1…xd (numbers, pi, e, + - * / ^, abs sign exp log sqrt sin cos tan',
  '  asin acos atan sinh cosh tanh erf max min pow), or labels (one-hot MNIST digits; the default for --data mnist:N).',
  'Keys: data from foldIn(key(seed), 0); the network from foldIn(foldIn(key(seed), 1), 0).',
].join('\n');

/**
 * `ntk train`: trains a finite network (full-batch MSE, `@ntk/dynamics`) with its NTK tracked, next to the
 * infinite-width prediction from the analytic NTK started at the network's own initial outputs; writes
 * `train.json`, `train.csv` and `train.svg` (loss curves and the relative NTK change) and prints a table.
 *
 * @param ctx - The CLI context.
 * @returns The command.
 * @example
 * ```ts
 * program.addCommand(trainCommand(ctx));
 * ```
 */
export function trainCommand(ctx: CliContext): Command {
  const command = new Command('train').description(
    'train a finite network with its NTK tracked, beside the infinite-width (analytic NTK) prediction',
  );
  addNetworkFlags(command, true);
  addDataFlag(command, 'sphere:16:3', 'training inputs');
  command
    .option(
      '--target <expr|labels>',
      "targets: an expression in x1…xd, e.g. 'sin(3*x1)', or labels for MNIST (default sin(2*x1); labels for mnist)",
    )
    .option('--steps <k>', 'full-batch optimiser steps (default 200)', integerFlag('--steps', 0))
    .option(
      '--lr <eta|auto>',
      'learning rate η; auto = N/λ_max of the analytic NTK, half the stable limit (default auto)',
      lrFlag,
    )
    .option(
      '--optimizer <name>',
      'sgd, momentum (μ 0.9) or adam (default sgd)',
      choiceFlag('--optimizer', TRAIN_OPTIMIZERS),
    );
  addSeedFlag(command, 'the data and the network');
  addBackendFlag(command);
  return addOutputFlags(command, 'ntk-train')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: TrainFlags) => {
      const source = `--config ${flags.config}`;
      const file = flags.config === undefined ? undefined : await loadConfigFile(flags.config, ctx.cwd);
      const raw = resolveConfig<Omit<TrainSettings, 'target'> & { target?: string }>(
        TRAIN_SCHEMA,
        file,
        {
          ...networkFlagValues(flags),
          data: flags.data,
          target: flags.target,
          steps: flags.steps,
          lr: flags.lr,
          optimizer: flags.optimizer,
          seed: flags.seed,
          backend: flags.backend,
        },
        source,
      );
      const settings = finishTrainSettings(raw, flags.lr !== undefined, source);
      const out = await prepareOutDir(flags.out, ctx.cwd);
      const data = await loadData(settings.data, settings.seed, ctx.cwd);
      const x = data.x.toFloat64();
      const y = trainTargets(settings.target, data);
      const { backend } = await resolveCliBackend(settings.backend);
      const progress = createProgressReporter(ctx.stderr, { mode: progressMode(ctx.stdout) });
      const started = Date.now();
      const dataInfo = { description: data.description, n: x.rows, d: x.cols };
      const state: { plan: Omit<TrainRun, 'records'> | null } = { plan: null };
      const partial: TrainStepRecord[] = [];
      try {
        const run = await runTrain(settings, x, y, {
          backend,
          signal: ctx.signal,
          onStart: (p) => {
            state.plan = p;
          },
          onRecord: (r) => {
            partial.push(r);
            const done = settings.steps === 0 ? 1 : r.step / settings.steps;
            const elapsed = Date.now() - started;
            progress.update([
              {
                fraction: done,
                label: `training ${settings.steps} steps`,
                remainingMs: done === 0 ? null : (elapsed / done) * (1 - done),
              },
            ]);
          },
        });
        progress.stop();
        const report = buildTrainReport(settings, dataInfo, run);
        const files = await writeTrainOutputs(out, report);
        if (flags.json === true) {
          ctx.stdout.write(
            `${JSON.stringify({ format: 'ntk-train-summary', out, files, learningRate: run.learningRate, seed: settings.seed, final: report.final }, null, 2)}\n`,
          );
          return;
        }
        const show = (p: string) => relative(ctx.cwd, p) || p;
        ctx.stdout.write(renderTrainSummary(report));
        ctx.stdout.write(`wrote ${show(files.json)}, ${show(files.csv)}, ${show(files.svg)}\n`);
      } catch (error) {
        progress.stop();
        const plan = state.plan;
        if (isAbortError(error) && plan !== null && partial.length > 0) {
          const report = buildTrainReport(settings, dataInfo, { ...plan, records: partial }, false);
          const files = await writeTrainOutputs(out, report);
          ctx.stderr.write(
            `ntk train: interrupted at step ${partial[partial.length - 1]?.step} of ${settings.steps}; the records so far are in ${files.json} (complete: false)\n`,
          );
        }
        throw error;
      } finally {
        progress.stop();
        backend.dispose();
      }
    });
}
