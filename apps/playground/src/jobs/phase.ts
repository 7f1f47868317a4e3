import { resolveActivation } from '@ntk/activations';
import { edgeOfChaos, phaseAnalysis } from '@ntk/analytic';
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
  /** χ₁ = σ_w² E[φ'(√q* z)²] at each σ_w² of the grid; NaN where q* does not exist (the variance diverges). */
  readonly chi1: readonly number[];
}

/** The whole phase diagram. */
export interface PhaseResult extends PhaseGrid {
  readonly chi1: readonly (readonly number[])[];
  /** The edge of chaos χ₁ = 1: σ_w² for each σ_b² of the grid (null where there is none). */
  readonly edge: readonly { readonly sigmaB2: number; readonly sigmaW2: number | null }[];
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

/**
 * χ₁ on the grid by `phaseAnalysis` (ordered χ₁ < 1, chaotic χ₁ > 1; Poole et al. 2016, Schoenholz et al. 2017)
 * and the edge-of-chaos curve by `edgeOfChaos`; rows are reported as they finish.
 */
export function phaseJob(
  state: PlaygroundState,
  onRow: (row: PhaseRow) => void,
  grid = phaseGrid(state),
): PhaseResult {
  const act = resolveActivation(
    state.activation,
    state.derivative.trim() === '' ? undefined : state.derivative,
  );
  const chi1: number[][] = [];
  grid.sigmaB2.forEach((sigmaB2, row) => {
    const values = grid.sigmaW2.map((sigmaW2) => {
      try {
        return phaseAnalysis(act, { sigmaW2, sigmaB2 }).chi1;
      } catch (e) {
        if (e instanceof NumericalError) return Number.NaN;
        throw e;
      }
    });
    chi1.push(values);
    onRow({ row, chi1: values });
  });
  const wMax = grid.sigmaW2[grid.sigmaW2.length - 1] as number;
  const edge = edgeOfChaos(act, {
    sigmaB2Grid: grid.sigmaB2,
    sigmaW2Range: [1e-3, Math.max(wMax * 4, 10)],
  }).map((p) => ({ sigmaB2: p.sigmaB2, sigmaW2: Number.isFinite(p.sigmaW2) ? p.sigmaW2 : null }));
  return { ...grid, chi1, edge };
}
