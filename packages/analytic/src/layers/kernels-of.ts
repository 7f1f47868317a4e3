import { type Kernels, Matrix } from '@ntk/core';
import type { KernelState } from './kernel-state.ts';

/**
 * The NNGP and NTK matrices of a state (copies; a symmetric state's lower triangle is filled from the upper).
 *
 * @param state - A full (not diagonal-only) state.
 * @returns `{ nngp, ntk }`, each rows × cols.
 * A diagonal-only state gives diagonal matrices (prefer reading `var1`/`ntkVar1`, O(N)).
 * @example
 * ```ts
 * const { nngp, ntk } = kernelsOf(mlp({ activation: 'relu', depth: 2 }).apply(inputState(x)));
 * ```
 */
export function kernelsOf(state: KernelState): Kernels {
  if (state.diagonalOnly) {
    const n = state.rows;
    const nngp = Matrix.zeros(n, n);
    const ntk = Matrix.zeros(n, n);
    for (let i = 0; i < n; i++) {
      nngp.data[i * n + i] = state.var1[i] as number;
      ntk.data[i * n + i] = state.ntkVar1[i] as number;
    }
    return { nngp, ntk };
  }
  return { nngp: toMatrix(state, state.nngp), ntk: toMatrix(state, state.ntk) };
}

function toMatrix(state: KernelState, a: Float64Array): Matrix {
  const { rows, cols } = state;
  const out = new Float64Array(a);
  if (state.symmetric) {
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < i; j++) out[i * cols + j] = out[j * cols + i] as number;
  }
  return new Matrix(rows, cols, out);
}
