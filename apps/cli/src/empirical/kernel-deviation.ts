import type { Matrix } from '@ntk/core';

/** How far a measured kernel is from a reference one. */
export interface KernelDeviation {
  /** ‖M − R‖_F / ‖R‖_F. */
  readonly relativeFrobenius: number;
  /** max_ij |M_ij − R_ij|. */
  readonly maxAbs: number;
  /** max_ij |M_ij − R_ij| / max_ij |R_ij|. */
  readonly maxAbsRelative: number;
  /** With standard errors: max_ij |M_ij − R_ij| / se_ij over the entries with se_ij > 0 (null without). */
  readonly maxAbsZ: number | null;
}

/**
 * The deviation of a measured kernel from a reference (e.g. the empirical NTK from the analytic one).
 *
 * @param measured - The measured kernel (or a Monte-Carlo mean).
 * @param reference - The reference, same shape.
 * @param stdError - Standard errors of `measured` (Monte-Carlo), for the largest z-score.
 * @returns The deviation.
 * @example
 * ```ts
 * kernelDeviation(empirical.ntk, analytic.ntk).relativeFrobenius; // e.g. 0.04
 * ```
 */
export function kernelDeviation(measured: Matrix, reference: Matrix, stdError?: Matrix): KernelDeviation {
  let num = 0;
  let den = 0;
  let maxAbs = 0;
  let maxRef = 0;
  let maxZ = stdError === undefined ? null : 0;
  for (let i = 0; i < reference.data.length; i++) {
    const r = reference.data[i] as number;
    const d = (measured.data[i] as number) - r;
    num += d * d;
    den += r * r;
    maxAbs = Math.max(maxAbs, Math.abs(d));
    maxRef = Math.max(maxRef, Math.abs(r));
    if (stdError !== undefined && maxZ !== null) {
      const se = stdError.data[i] as number;
      if (se > 0) maxZ = Math.max(maxZ, Math.abs(d) / se);
    }
  }
  return {
    relativeFrobenius: den === 0 ? (num === 0 ? 0 : Infinity) : Math.sqrt(num / den),
    maxAbs,
    maxAbsRelative: maxRef === 0 ? (maxAbs === 0 ? 0 : Infinity) : maxAbs / maxRef,
    maxAbsZ: maxZ,
  };
}
