import { join } from 'node:path';
import type { CliContext } from '../context.ts';
import { vegaLiteToSvg } from '../figures/vega-lite-to-svg.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { createProgressReporter, progressMode } from '../progress/progress-reporter.ts';
import { defaultProfilePoints, depthProfiles, PROFILE_INPUTS } from './depth-profile.ts';
import { type EdgePoint, edgeCurve, edgeSigmaB2 } from './edge-curve.ts';
import { phaseCsv } from './phase-csv.ts';
import { type PhaseCounts, type PhaseDocument, phaseDocument } from './phase-document.ts';
import { phaseFigure } from './phase-figure.ts';
import { type PhaseGrid, phaseGrid } from './phase-grid.ts';
import type { PhaseSettings } from './phase-settings.ts';

/** What `ntk phase --json` prints (the grid itself is in `phase.json`). */
export interface PhaseSummary {
  /** Always `ntk-phase-summary`. */
  readonly format: 'ntk-phase-summary';
  /** The output directory. */
  readonly out: string;
  /** The files written (absolute paths), by kind. */
  readonly files: Readonly<Record<string, string>>;
  /** The validated settings. */
  readonly settings: PhaseSettings;
  /** Grid points per phase. */
  readonly counts: PhaseCounts;
  /** The edge-of-chaos curve. */
  readonly edgeOfChaos: readonly EdgePoint[];
  /** Per profile point: σ_w², σ_b², phase, χ₁ and ρ_Θ at the last layer (with `depth`). */
  readonly profiles?: readonly {
    readonly sigmaW2: number;
    readonly sigmaB2: number;
    readonly phase: string;
    readonly chi1: number;
    readonly rhoLast: number;
  }[];
}

/**
 * Runs `ntk phase` once its settings are validated and its output directory prepared: χ₁ on the grid, the
 * edge-of-chaos curve at `edgePoints` of the grid's σ_b² (progress on stderr), the depth profiles with `depth`; writes `phase.json`,
 * `phase.csv`, `phase-edge.csv` (and `phase-profile.csv`) and `phase.svg` atomically.
 *
 * @param settings - Validated settings.
 * @param out - The (prepared, absolute) output directory.
 * @param ctx - The CLI context (its signal stops the grid between rows).
 * @returns The document and the summary.
 * @throws The activation's argument errors (exit 2); the abort reason on SIGINT (exit 130).
 * @example
 * ```ts
 * const { summary } = await runPhase(settings, await prepareOutDir('ntk-phase', ctx.cwd), ctx);
 * ```
 */
export async function runPhase(
  settings: PhaseSettings,
  out: string,
  ctx: CliContext,
): Promise<{ readonly doc: PhaseDocument; readonly summary: PhaseSummary }> {
  const progress = createProgressReporter(ctx.stderr, { mode: progressMode(ctx.stdout) });
  try {
    const gridRows = settings.grid;
    const edgeCount = Math.min(settings.edgePoints, settings.grid);
    const total = gridRows + edgeCount;
    const grid = await phaseGrid(settings, ctx.signal, (done) => {
      progress.update([
        { fraction: done / total, label: `χ₁ on the ${gridRows}×${gridRows} grid`, remainingMs: null },
        { fraction: done / gridRows, label: `σ_b² row ${done}/${gridRows}`, remainingMs: null },
      ]);
    });
    const edge = await edgeCurve(settings.activation, edgeSigmaB2(grid.sigmaB2, settings.edgePoints), {
      signal: ctx.signal,
      onPoint: (done, n) => {
        progress.update([
          { fraction: (gridRows + done) / total, label: 'edge of chaos', remainingMs: null },
          { fraction: done / n, label: `σ_b² ${done}/${n}`, remainingMs: null },
        ]);
      },
    });
    return await finish(settings, out, grid, edge);
  } finally {
    progress.stop();
  }
}

async function finish(
  settings: PhaseSettings,
  out: string,
  grid: PhaseGrid,
  edge: EdgePoint[],
): Promise<{ readonly doc: PhaseDocument; readonly summary: PhaseSummary }> {
  let profiles: PhaseDocument['profiles'];
  if (settings.depth !== undefined) {
    const at = settings.profileAt ?? defaultProfilePoints(edge, settings.sigmaW2Range);
    profiles = {
      depth: settings.depth,
      inputs: PROFILE_INPUTS,
      points: depthProfiles(settings.activation, settings.depth, at),
    };
  }
  const doc = phaseDocument(settings, grid, edge, profiles);
  const csv = phaseCsv(doc);
  const files: Record<string, string> = { json: join(out, 'phase.json') };
  await writeFileAtomic(files.json as string, `${JSON.stringify(doc, null, 2)}\n`);
  for (const [name, text] of Object.entries(csv)) {
    const path = join(out, name);
    await writeFileAtomic(path, text as string);
    files[name.replace(/^phase-?/, '').replace('.csv', '') || 'csv'] = path;
  }
  files.svg = join(out, 'phase.svg');
  await writeFileAtomic(files.svg, await vegaLiteToSvg(phaseFigure(doc)));
  return {
    doc,
    summary: {
      format: 'ntk-phase-summary',
      out,
      files,
      settings,
      counts: doc.counts,
      edgeOfChaos: edge,
      ...(profiles !== undefined
        ? {
            profiles: profiles.points.map((p) => ({
              sigmaW2: p.sigmaW2,
              sigmaB2: p.sigmaB2,
              phase: p.phase,
              chi1: p.chi1,
              rhoLast: p.rho.at(-1) as number,
            })),
          }
        : {}),
    },
  };
}
