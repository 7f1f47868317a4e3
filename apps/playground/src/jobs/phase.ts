import { type Activation, resolveActivation } from '@ntk/activations';
import { type ActivationMoments, activationMoments, edgeOfChaos, qStar } from '@ntk/analytic';
import { NumericalError } from '@ntk/core';
import type { PlaygroundState } from '../state.ts';

/** The (σ_w², σ_b²) grid of the phase diagram. */
export interface PhaseGrid {
  readonly sigmaW2: readonly number[];
  readonly sigmaB2: readonly number[];
}

/** One finished row of the phase diagram (fixed σ_b²). */
export interface PhaseRow {
  readonly row: number;
  /** χ₁ = σ_w² E[φ'(√q* z)²] at each σ_w² of the grid; NaN where no finite q* is reached (the variance diverges). */
  readonly chi1: readonly number[];
}

/** A point of the edge of chaos χ₁ = 1 (σ_w² null where the row has none inside the grid). */
export interface EdgePoint {
  readonly row: number;
  readonly sigmaB2: number;
  readonly sigmaW2: number | null;
}

/** The whole phase diagram. */
export interface PhaseResult extends PhaseGrid {
  readonly chi1: readonly (readonly number[])[];
  /** The edge of chaos: σ_w² for every `edgeEvery`-th σ_b² of the grid. */
  readonly edge: readonly EdgePoint[];
}

/** The grid for a state: σ_w² ∈ (0, W], σ_b² ∈ [0, B], wide enough to hold the current point. */
export function phaseGrid(
  state: Pick<PlaygroundState, 'sigmaW2' | 'sigmaB2'>,
  cols = 32,
  rows = 16,
): PhaseGrid {
  const wMax = Math.max(4, Math.ceil(state.sigmaW2 * 1.25));
  const bMax = Math.max(0.5, Math.ceil(state.sigmaB2 * 1.25 * 4) / 4);
  return {
    sigmaW2: Array.from({ length: cols }, (_, i) => (wMax * (i + 0.5)) / cols),
    sigmaB2: Array.from({ length: rows }, (_, j) => (bMax * j) / (rows - 1)),
  };
}

/** χ₁ at one point: q* by iterating the variance map (at most `maxIterations`), then σ_w² E[φ'(√q* z)²]. */
export function chi1At(
  act: Activation,
  moments: ActivationMoments,
  sigmaW2: number,
  sigmaB2: number,
  maxIterations = 5000,
): number {
  let q: number;
  try {
    q = qStar(act, { sigmaW2, sigmaB2, maxIterations });
  } catch (e) {
    if (e instanceof NumericalError) return Number.NaN;
    throw e;
  }
  const out = new Float64Array(2);
  moments.diag(q, out);
  return sigmaW2 * (out[1] as number);
}

/**
 * The phase diagram (Poole et al. 2016, arXiv 1606.05340; Schoenholz et al. 2017, arXiv 1611.01232): χ₁ on the
 * grid (ordered χ₁ < 1, chaotic χ₁ > 1), rows reported as they finish; then, every `edgeEvery` rows (and the
 * last), the edge of chaos χ₁ = 1 by
 * `edgeOfChaos` of `@ntk/analytic`, searched only inside the grid cell where χ₁ crosses 1 (or where q* stops
 * existing right after χ₁ < 1), each point reported as it is found.
 */
export function phaseJob(
  state: PlaygroundState,
  onRow: (row: PhaseRow) => void,
  onEdge: (point: EdgePoint) => void = () => undefined,
  grid: PhaseGrid = phaseGrid(state),
  edgeEvery = 3,
): PhaseResult {
  const act = resolveActivation(
    state.activation,
    state.derivative.trim() === '' ? undefined : state.derivative,
  );
  const moments = activationMoments(act);
  const chi1: number[][] = [];
  grid.sigmaB2.forEach((sigmaB2, row) => {
    const values = grid.sigmaW2.map((sigmaW2) => chi1At(act, moments, sigmaW2, sigmaB2));
    chi1.push(values);
    onRow({ row, chi1: values });
  });
  const edge = grid.sigmaB2.flatMap((sigmaB2, row): EdgePoint[] => {
    if (row % edgeEvery !== 0 && row !== grid.sigmaB2.length - 1) return [];
    const values = chi1[row] as number[];
    let found: number | null = null;
    for (let i = 0; i + 1 < values.length && found === null; i++) {
      const a = values[i] as number;
      const b = values[i + 1] as number;
      if (!(a < 1) || !(b >= 1 || Number.isNaN(b))) continue;
      const lo = grid.sigmaW2[i] as number;
      const hi = grid.sigmaW2[i + 1] as number;
      const p = edgeOfChaos(act, { sigmaB2Grid: [sigmaB2], sigmaW2Range: [lo, hi] })[0];
      if (p !== undefined && Number.isFinite(p.sigmaW2)) found = p.sigmaW2;
      else if (!Number.isNaN(b)) break;
    }
    const point = { row, sigmaB2, sigmaW2: found };
    onEdge(point);
    return [point];
  });
  return { ...grid, chi1, edge };
}
