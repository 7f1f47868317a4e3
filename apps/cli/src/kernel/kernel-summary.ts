import Table from 'cli-table3';
import type { KernelDocument } from './kernel-document.ts';

/** Largest n for which the summary prints the whole NTK matrix. */
export const SUMMARY_MATRIX_MAX = 8;

/** The ranges of a kernel matrix's diagonal and off-diagonal entries (`null` when n = 1: no off-diagonal). */
export interface KernelRanges {
  /** [min, max] of K(x_i, x_i). */
  readonly diagonal: readonly [number, number];
  /** [min, max] of K(x_i, x_j), i ≠ j, or `null`. */
  readonly offDiagonal: readonly [number, number] | null;
}

/**
 * The diagonal and off-diagonal ranges of a square matrix.
 *
 * @param k - n×n rows.
 * @returns The ranges.
 * @example
 * ```ts
 * kernelRanges([[2, 1], [1, 3]]); // { diagonal: [2, 3], offDiagonal: [1, 1] }
 * ```
 */
export function kernelRanges(k: readonly (readonly number[])[]): KernelRanges {
  let dLo = Infinity;
  let dHi = -Infinity;
  let oLo = Infinity;
  let oHi = -Infinity;
  k.forEach((row, i) => {
    row.forEach((v, j) => {
      if (i === j) {
        dLo = Math.min(dLo, v);
        dHi = Math.max(dHi, v);
      } else {
        oLo = Math.min(oLo, v);
        oHi = Math.max(oHi, v);
      }
    });
  });
  return { diagonal: [dLo, dHi], offDiagonal: oLo <= oHi ? [oLo, oHi] : null };
}

/**
 * The human summary of `ntk kernel`: one line on the network and data, a table of the diagonal and
 * off-diagonal ranges of Σ and Θ, and the NTK matrix itself when n ≤ {@link SUMMARY_MATRIX_MAX}.
 *
 * @param doc - The kernel document.
 * @returns Text (ends with a newline).
 * @example
 * ```ts
 * ctx.stdout.write(renderKernelSummary(doc));
 * ```
 */
export function renderKernelSummary(doc: KernelDocument): string {
  const s = doc.settings;
  const fmt = (v: number) => v.toPrecision(6);
  const range = (r: readonly [number, number] | null) => (r === null ? '—' : `${fmt(r[0])} … ${fmt(r[1])}`);
  const lines = [
    `Infinite-width kernels of ${s.activation}, depth ${s.depth}, σ_w² = ${s.sigmaW2}, σ_b² = ${s.sigmaB2} (${s.parameterization}) on ${doc.data.description}`,
  ];
  const table = new Table({ head: ['kernel', 'diagonal', 'off-diagonal'], style: { head: [], border: [] } });
  for (const [name, k] of [
    ['NNGP Σ', doc.nngp],
    ['NTK Θ', doc.ntk],
  ] as const) {
    const r = kernelRanges(k);
    table.push([name, range(r.diagonal), range(r.offDiagonal)]);
  }
  lines.push(table.toString());
  const n = doc.ntk.length;
  if (n <= SUMMARY_MATRIX_MAX) {
    const m = new Table({
      head: ['Θ', ...Array.from({ length: n }, (_, j) => `x${j}`)],
      style: { head: [], border: [] },
    });
    doc.ntk.forEach((row, i) => {
      m.push([`x${i}`, ...row.map(fmt)]);
    });
    lines.push(m.toString());
  }
  return `${lines.join('\n')}\n`;
}
