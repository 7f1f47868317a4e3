import { mlpKernels } from '@ntk/analytic';
import type { Backend } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import { inputDim, type PlaygroundState } from '../state.ts';
import { makeData, seedKeys, specOf } from './data.ts';

/** The heatmaps' data: N×N row-major kernels and a label per input. */
export interface KernelsResult {
  readonly n: number;
  readonly labels: readonly string[];
  readonly nngp: Float64Array;
  readonly ntk: Float64Array;
  /** The empirical NTK Θ̂ of one finite network of the state's width, initialised from the seed. */
  readonly empirical: Float64Array;
  /** max |Θ̂ − Θ| / max |Θ| over the matrix. */
  readonly relativeError: number;
}

/**
 * Analytic NNGP and NTK (`mlpKernels`) of the state's network on its data, and the empirical NTK of one finite
 * network of that width on the given backend (structured method).
 */
export async function kernelsJob(state: PlaygroundState, backend: Backend): Promise<KernelsResult> {
  const data = await makeData(state);
  const spec = specOf(state);
  const analytic = mlpKernels(spec, data.x);
  const net = initMlp(spec, seedKeys(state.seed).init, inputDim(state));
  const emp = await empiricalNtk(net, data.x, undefined, { backend });
  const empirical = Float64Array.from(emp.ntk.data);
  let maxErr = 0;
  let maxAbs = 0;
  for (let i = 0; i < empirical.length; i++) {
    maxErr = Math.max(maxErr, Math.abs((empirical[i] as number) - (analytic.ntk.data[i] as number)));
    maxAbs = Math.max(maxAbs, Math.abs(analytic.ntk.data[i] as number));
  }
  return {
    n: data.x.rows,
    labels: data.labels,
    nngp: Float64Array.from(analytic.nngp.data),
    ntk: Float64Array.from(analytic.ntk.data),
    empirical,
    relativeError: maxErr / maxAbs,
  };
}
