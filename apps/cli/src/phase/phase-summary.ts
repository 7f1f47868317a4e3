import Table from 'cli-table3';
import type { PhaseDocument } from './phase-document.ts';

/** Largest number of σ_b² rows in the summary table (evenly spread over the grid). */
export const SUMMARY_ROWS = 9;

/**
 * The human summary of `ntk phase`: the counts of ordered and chaotic points, a table (for up to
 * {@link SUMMARY_ROWS} σ_b² values of the edge curve) of the edge-of-chaos σ_w² and the points on either side,
 * and with `depth` a table of the normalised NTK at the first and last layers.
 *
 * @param doc - The phase document.
 * @returns Text (ends with a newline).
 * @example
 * ```ts
 * ctx.stdout.write(renderPhaseSummary(doc));
 * ```
 */
export function renderPhaseSummary(doc: PhaseDocument): string {
  const s = doc.settings;
  const { sigmaW2, sigmaB2 } = doc.grid;
  const c = doc.counts;
  const lines = [
    `Phase diagram of ${s.activation}: σ_w² ${s.sigmaW2Range[0]}…${s.sigmaW2Range[1]} × σ_b² ${s.sigmaB2Range[0]}…${s.sigmaB2Range[1]}, ${s.grid}×${s.grid} points: ${c.ordered} ordered (χ₁ < 1), ${c.chaotic} chaotic (χ₁ > 1)${c.edgeOfChaos > 0 ? `, ${c.edgeOfChaos} at the edge` : ''}`,
  ];
  const table = new Table({
    head: ['σ_b²', 'edge of chaos σ_w²', 'ordered', 'chaotic'],
    style: { head: [], border: [] },
  });
  const n = doc.edgeOfChaos.length;
  const rows = Math.min(SUMMARY_ROWS, n);
  const picked = [...new Set(Array.from({ length: rows }, (_, k) => Math.round((k * (n - 1)) / (rows - 1))))];
  for (const k of picked) {
    const e = doc.edgeOfChaos[k];
    if (e === undefined) continue;
    const j = sigmaB2.indexOf(e.sigmaB2);
    const row = doc.points.slice(j * sigmaW2.length, (j + 1) * sigmaW2.length);
    const edge = e.sigmaW2;
    table.push([
      e.sigmaB2.toPrecision(4),
      edge === null ? '— (none)' : edge.toPrecision(6),
      String(row.filter((p) => p.phase === 'ordered').length),
      String(row.filter((p) => p.phase === 'chaotic').length),
    ]);
  }
  lines.push(table.toString());
  const profiles = doc.profiles;
  if (profiles !== undefined) {
    const t = new Table({
      head: ['σ_w²', 'σ_b²', 'phase', 'χ₁', 'ρ_Θ^1', `ρ_Θ^${profiles.depth + 1}`],
      style: { head: [], border: [] },
    });
    for (const p of profiles.points) {
      t.push([
        p.sigmaW2.toPrecision(4),
        p.sigmaB2.toPrecision(4),
        p.phase,
        p.chi1.toPrecision(5),
        (p.rho[0] as number).toPrecision(6),
        (p.rho.at(-1) as number).toPrecision(6),
      ]);
    }
    lines.push(`Normalised NTK between two inputs at 60°, depth ${profiles.depth}:`, t.toString());
  }
  return `${lines.join('\n')}\n`;
}
