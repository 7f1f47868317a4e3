import type { KernelState } from './kernel-state.ts';

/**
 * @internal Assembles the full (not diagonal-only) {@link KernelState} a layer produced: for a symmetric state the
 * diagonal entries (not computed by the upper-triangle loops) are filled from the variances and the gap set to 0.
 */
export function fullState(
  fields: Omit<KernelState, 'diagonalOnly' | 'stage' | 'width'>,
  stage: KernelState['stage'],
  width: number | null,
): KernelState {
  const { rows, cols, symmetric, nngp, ntk, gap, var1, ntkVar1 } = fields;
  if (symmetric) {
    for (let i = 0; i < rows; i++) {
      nngp[i * cols + i] = var1[i] as number;
      ntk[i * cols + i] = ntkVar1[i] as number;
      gap[i * cols + i] = 0;
    }
  }
  return { ...fields, diagonalOnly: false, width, stage };
}
