import { mlpKernels } from '@ntk/analytic';
import { type Backend, foldIn } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import { inputDim, type PlaygroundState } from '../state.ts';
import { makeData, seedKeys, specOf } from './data.ts';

/** One (depth, width) cell of the Monte-Carlo view. */
export interface McCell {
  readonly depth: number;
  readonly width: number;
  /** The infinite-width Θ(x₁, x₂) (at this width for the standard parameterisation). */
  readonly analytic: number;
  /** The scale √(Θ(x₁, x₁)Θ(x₂, x₂)). */
  readonly scale: number;
  /** (Θ̂(x₁, x₂) − Θ(x₁, x₂))/√(Θ(x₁, x₁)Θ(x₂, x₂)) of each initialisation sampled so far. */
  readonly deviations: readonly number[];
}

/** The grid of the Monte-Carlo view: widths 16…512 (and the state's), depths 1 and 4 and the state's. */
export function mcGrid(state: Pick<PlaygroundState, 'depth' | 'width'>): {
  depths: number[];
  widths: number[];
} {
  const depths = [...new Set([1, 4, state.depth])].sort((a, b) => a - b);
  const widths = [...new Set([16, 64, 256, 512, state.width])].sort((a, b) => a - b);
  return { depths, widths };
}

/**
 * The distribution over random initialisations of the empirical NTK entry Θ̂(x₁, x₂) between the first two
 * inputs, as its deviation from the infinite-width value in units of √(Θ(x₁, x₁)Θ(x₂, x₂)), for each depth and width of {@link mcGrid}. Sample k of a cell
 * uses `foldIn(foldIn(samplesKey, cell), k)`. Cells are reported as their samples come in (every `chunk`
 * samples), so the page can draw the distribution while it fills; its spread shrinks like 1/√width and grows
 * with depth (Hanin & Nica 2019, arXiv 1909.05989).
 */
export async function montecarloJob(
  state: PlaygroundState,
  backend: Backend,
  onCell: (cell: McCell) => void,
  samples = 32,
  chunk = 8,
  signal?: AbortSignal,
  grid: { depths: readonly number[]; widths: readonly number[] } = mcGrid(state),
): Promise<McCell[]> {
  const data = await makeData(state);
  const x = data.x.rowRange(0, 2);
  const { depths, widths } = grid;
  const { samples: sampleKey } = seedKeys(state.seed);
  const d = inputDim(state);
  const cells: McCell[] = [];
  let cellIndex = 0;
  for (const depth of depths) {
    for (const width of widths) {
      const spec = specOf(state, depth, width);
      const theta = mlpKernels(spec, x).ntk;
      const analytic = theta.get(0, 1);
      const scale = Math.sqrt(theta.get(0, 0) * theta.get(1, 1));
      const cellKey = foldIn(sampleKey, cellIndex++);
      const deviations: number[] = [];
      for (let k = 0; k < samples; k++) {
        signal?.throwIfAborted();
        const net = initMlp(spec, foldIn(cellKey, k), d);
        const { ntk } = await empiricalNtk(net, x, undefined, { backend });
        deviations.push((ntk.get(0, 1) - analytic) / scale);
        if ((k + 1) % chunk === 0 || k + 1 === samples) {
          onCell({ depth, width, analytic, scale, deviations: deviations.slice() });
        }
      }
      cells.push({ depth, width, analytic, scale, deviations });
    }
  }
  return cells;
}
