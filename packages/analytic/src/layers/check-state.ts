import { NumericalError } from '@ntk/core';
import type { KernelState } from './kernel-state.ts';

/** Throws a NumericalError naming `what` (the layer) and the first non-finite entry of the state's kernels. */
export function checkState(fn: string, what: string, s: KernelState): void {
  const scan = (name: string, a: Float64Array, cols: number, upper: boolean): void => {
    for (let p = 0; p < a.length; p++) {
      const v = a[p] as number;
      if (v - v !== 0) {
        const i = Math.floor(p / cols);
        const j = p - i * cols;
        if (upper && j < i) continue;
        throw new NumericalError(
          fn,
          `non-finite value ${v} in ${name} after ${what} at entry (${i}, ${j}). ` +
            'The variances overflowed or the activation is not defined there: reduce depth, σ_w² or the input scale.',
          { layer: what, kernel: name, row: i, col: j, value: v },
        );
      }
    }
  };
  scan('Σ(x, x)', s.var1, 1, false);
  scan('Θ(x, x)', s.ntkVar1, 1, false);
  if (!s.symmetric) {
    scan("Σ(x', x')", s.var2, 1, false);
    scan("Θ(x', x')", s.ntkVar2, 1, false);
  }
  if (!s.diagonalOnly) {
    scan('NNGP', s.nngp, s.cols, s.symmetric);
    scan('NTK', s.ntk, s.cols, s.symmetric);
  }
}
