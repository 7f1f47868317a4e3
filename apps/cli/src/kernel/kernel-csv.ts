import { toCsv } from '../io/csv.ts';
import type { KernelDocument } from './kernel-document.ts';

/**
 * `kernel.csv`: one row per pair (i, j) of inputs (all n² pairs, row-major), with columns `i, j, nngp, ntk`,
 * then, per layer l with `perLayer`, `nngp_l, ntk_l, contribution_l`. Numbers are written at full precision
 * (they parse back to the JSON's values exactly).
 *
 * @param doc - The kernel document.
 * @returns CSV text.
 * @example
 * ```ts
 * await writeFileAtomic(join(out, 'kernel.csv'), kernelCsv(doc));
 * ```
 */
export function kernelCsv(doc: KernelDocument): string {
  const layers = doc.layers ?? [];
  const header = ['i', 'j', 'nngp', 'ntk'];
  for (const l of layers) header.push(`nngp_${l.layer}`, `ntk_${l.layer}`, `contribution_${l.layer}`);
  const rows: (number | string)[][] = [];
  const n = doc.ntk.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const row: number[] = [i, j, doc.nngp[i]?.[j] as number, doc.ntk[i]?.[j] as number];
      for (const l of layers) {
        row.push(l.nngp[i]?.[j] as number, l.ntk[i]?.[j] as number, l.contribution[i]?.[j] as number);
      }
      rows.push(row);
    }
  }
  return toCsv(header, rows);
}
