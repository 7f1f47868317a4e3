import { mlpKernels } from '@ntk/analytic';
import { pointsAtAngles } from '@ntk/core';
import { inputDim, type PlaygroundState } from '../state.ts';
import { specOf } from './data.ts';

/** Normalised kernels against the angle, one curve per depth. */
export interface AnglesResult {
  /** Angles θ in radians, from 0 to π. */
  readonly thetas: readonly number[];
  readonly depths: readonly number[];
  /** ntk[k][i] = Θ(θ_i)/Θ(0) for depths[k]. */
  readonly ntk: readonly (readonly number[])[];
  /** nngp[k][i] = Σ(θ_i)/Σ(0) for depths[k]. */
  readonly nngp: readonly (readonly number[])[];
}

/** The depths shown: powers of two up to 16 and the state's depth. */
export function angleDepths(depth: number): number[] {
  return [...new Set([1, 2, 4, 8, 16, depth])].sort((a, b) => a - b);
}

/**
 * Θ(x, x')/Θ(x, x) and Σ(x, x')/Σ(x, x) for two inputs of norm √d at angle θ ∈ [0, π], for several depths, from
 * one recursion to the largest depth (layer l of a deeper network is the output of a depth-(l − 1) network).
 */
export function anglesJob(state: PlaygroundState, points = 46): AnglesResult {
  const thetas = Array.from({ length: points }, (_, i) => (Math.PI * i) / (points - 1));
  const d = Math.max(2, inputDim(state));
  const x = pointsAtAngles(thetas, d);
  const depths = angleDepths(state.depth);
  const maxDepth = depths[depths.length - 1] as number;
  const r = mlpKernels(specOf(state, maxDepth), x.rowRange(0, 1), x, { layers: true });
  const layers = r.layers ?? [];
  const curve = (k: 'ntk' | 'nngp', depth: number): number[] => {
    const m = (layers[depth] as (typeof layers)[number])[k];
    const k0 = m.get(0, 0);
    return thetas.map((_, i) => m.get(0, i) / k0);
  };
  return {
    thetas,
    depths,
    ntk: depths.map((L) => curve('ntk', L)),
    nngp: depths.map((L) => curve('nngp', L)),
  };
}
