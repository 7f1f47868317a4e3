import { Command } from 'commander';
import { loadConfigFile } from '../config/load-config-file.ts';
import { resolveConfig } from '../config/resolve-config.ts';
import type { CliContext } from '../context.ts';
import { addOutputFlags } from '../flags/common-flags.ts';
import { integerFlag } from '../flags/parse-flags.ts';
import { prepareOutDir } from '../io/prepare-out-dir.ts';
import { pointsFlag, rangeFlag } from '../phase/phase-flags.ts';
import {
  checkPhaseRanges,
  PHASE_SCHEMA,
  type PhaseSettings,
  type VariancePoint,
} from '../phase/phase-settings.ts';
import { renderPhaseSummary } from '../phase/phase-summary.ts';
import { runPhase } from '../phase/run-phase.ts';

/** The options commander hands to `ntk phase` (no defaults: they live in {@link PHASE_SCHEMA}). */
interface PhaseOptions {
  readonly activation?: string;
  readonly sigmaW2Range?: [number, number];
  readonly sigmaB2Range?: [number, number];
  readonly grid?: number;
  readonly edgePoints?: number;
  readonly depth?: number;
  readonly profileAt?: VariancePoint[];
  readonly config?: string;
  readonly out: string;
  readonly json?: boolean;
}

const EXAMPLES = [
  '',
  'Examples:',
  '  ntk phase                                   ReLU, σ_w² 0.5…4 × σ_b² 0…1, 41×41 points → ./ntk-phase/',
  '  ntk phase --activation tanh --grid 61 --sigma-b2-range 0:0.5',
  '  ntk phase --activation erf --depth 50       with the normalised NTK against depth',
  '  ntk phase --activation tanh --depth 30 --profile-at 1:0.1,1.5:0.1,3:0.1 --json',
  '  ntk phase --config phase.yaml               keys: activation, sigmaW2Range: [lo, hi], sigmaB2Range,',
  '                                              grid, edgePoints, depth, profileAt: [{sigmaW2, sigmaB2}, …]',
].join('\n');

/**
 * `ntk phase`: the infinite-width phase diagram of an activation — χ₁ on a σ_w² × σ_b² grid (ordered χ₁ < 1,
 * chaotic χ₁ > 1), the edge-of-chaos curve χ₁ = 1, and optionally the normalised NTK's depth profile —
 * written to `<out>/phase.json`, `phase.csv`, `phase-edge.csv` (`phase-profile.csv`) and `phase.svg`; a short
 * table on stdout (or one JSON document with `--json`).
 *
 * @param ctx - Streams, cwd, env, signal.
 * @returns The command.
 * @example
 * ```ts
 * program.addCommand(phaseCommand(ctx));
 * ```
 */
export function phaseCommand(ctx: CliContext): Command {
  const command = new Command('phase')
    .description(
      'phase diagram of an activation at infinite width: ordered and chaotic regions by χ₁, the edge of chaos, ' +
        'and the normalised NTK against depth (JSON, CSV and an SVG figure)',
    )
    .option(
      '--activation <name|expr>',
      'activation: relu, erf, tanh, gelu, … or a mathjs expression in x (default relu)',
    )
    .option(
      '--sigma-w2-range <lo:hi>',
      'σ_w² range of the diagram (default 0.5:4)',
      rangeFlag('--sigma-w2-range'),
    )
    .option(
      '--sigma-b2-range <lo:hi>',
      'σ_b² range of the diagram (default 0:1)',
      rangeFlag('--sigma-b2-range'),
    )
    .option('--grid <n>', 'points per axis, 2…401 (default 41)', integerFlag('--grid', 2))
    .option(
      '--edge-points <n>',
      'σ_b² values of the edge-of-chaos curve, picked among the grid rows (default 21)',
      integerFlag('--edge-points', 2),
    )
    .option(
      '--depth <L>',
      'also the normalised NTK ρ_Θ^l for l = 1…L+1 (hidden layers L)',
      integerFlag('--depth', 0),
    )
    .option(
      '--profile-at <sw2:sb2,…>',
      'points of the depth profile (default: 0.75×, 1× and 1.5× the edge σ_w² at the middle σ_b²)',
      pointsFlag('--profile-at'),
    );
  return addOutputFlags(command, 'ntk-phase')
    .addHelpText('after', EXAMPLES)
    .action(async (options: PhaseOptions) => {
      const file = options.config;
      const source = `--config ${file}`;
      const flags = {
        activation: options.activation,
        sigmaW2Range: options.sigmaW2Range,
        sigmaB2Range: options.sigmaB2Range,
        grid: options.grid,
        edgePoints: options.edgePoints,
        depth: options.depth,
        profileAt: options.profileAt,
      };
      const settings = resolveConfig<PhaseSettings>(
        PHASE_SCHEMA,
        file !== undefined ? await loadConfigFile(file, ctx.cwd) : undefined,
        flags,
        source,
      );
      const flagged = new Set(Object.entries(flags).flatMap(([k, v]) => (v === undefined ? [] : [k])));
      checkPhaseRanges(settings, flagged, source);
      const out = await prepareOutDir(options.out, ctx.cwd);
      const { doc, summary } = await runPhase(settings, out, ctx);
      if (options.json === true) {
        ctx.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        return;
      }
      ctx.stdout.write(renderPhaseSummary(doc));
      ctx.stdout.write(
        `Wrote:\n${Object.values(summary.files)
          .map((f) => `  ${f}\n`)
          .join('')}`,
      );
    });
}
