import type { CliContext } from '../context.ts';
import { loadData } from '../data/load-data.ts';
import { type ExperimentFiles, writeExperimentFiles } from '../io/write-experiment-files.ts';
import { computeKernel } from './compute-kernel.ts';
import { kernelCsv } from './kernel-csv.ts';
import { type KernelDocument, kernelDocument } from './kernel-document.ts';
import { kernelFigure } from './kernel-figure.ts';
import type { KernelSettings } from './kernel-settings.ts';
import { type KernelRanges, kernelRanges } from './kernel-summary.ts';

/** The files `ntk kernel` writes: `kernel.json`, `.csv` and `.svg`. */
export type KernelFiles = ExperimentFiles;

/** What `ntk kernel --json` prints (the kernels themselves are in `kernel.json`). */
export interface KernelSummary {
  /** Always `ntk-kernel-summary`. */
  readonly format: 'ntk-kernel-summary';
  /** The output directory. */
  readonly out: string;
  /** The files written. */
  readonly files: KernelFiles;
  /** The validated settings. */
  readonly settings: KernelSettings;
  /** The inputs. */
  readonly data: KernelDocument['data'];
  /** Diagonal and off-diagonal ranges of Σ and Θ. */
  readonly summary: { readonly nngp: KernelRanges; readonly ntk: KernelRanges };
}

/**
 * Runs `ntk kernel` once its settings are validated and its output directory prepared: loads the inputs
 * (random ones from the seed's data stream), computes the kernels, writes `kernel.json`, `kernel.csv` and
 * `kernel.svg` atomically.
 *
 * @param settings - Validated settings.
 * @param out - The (prepared, absolute) output directory.
 * @param ctx - The CLI context (cwd for a CSV data path).
 * @returns The document and the summary with the file paths.
 * @throws {UsageError} For unreadable data or the standard parameterisation with hidden layers.
 * @example
 * ```ts
 * const { summary } = await runKernel(settings, await prepareOutDir('ntk-kernel', ctx.cwd), ctx);
 * ```
 */
export async function runKernel(
  settings: KernelSettings,
  out: string,
  ctx: CliContext,
): Promise<{ readonly doc: KernelDocument; readonly summary: KernelSummary }> {
  const loaded = await loadData(settings.data, settings.seed, ctx.cwd);
  const result = computeKernel(settings, loaded.x);
  const d = settings.data;
  const thetas =
    d.kind === 'angles'
      ? Array.from({ length: d.n }, (_, i) => (d.n === 1 ? 0 : (i * Math.PI) / (d.n - 1)))
      : undefined;
  const doc = kernelDocument(
    settings,
    {
      description: loaded.description,
      n: loaded.x.rows,
      d: loaded.x.cols,
      ...(thetas !== undefined ? { thetas } : {}),
    },
    result,
  );
  const files = await writeExperimentFiles(out, 'kernel', {
    json: doc,
    csv: kernelCsv(doc),
    figure: kernelFigure(doc),
  });
  return {
    doc,
    summary: {
      format: 'ntk-kernel-summary',
      out,
      files,
      settings,
      data: doc.data,
      summary: { nngp: kernelRanges(doc.nngp), ntk: kernelRanges(doc.ntk) },
    },
  };
}
