import { toCsv } from '../io/csv.ts';
import type { PhaseDocument } from './phase-document.ts';

/** The CSV files of `ntk phase`, by file name. */
export interface PhaseCsvFiles {
  /** `phase.csv`: `sigma_w2, sigma_b2, q_star, chi1, log10_chi1, phase`, one row per grid point. */
  readonly 'phase.csv': string;
  /** `phase-edge.csv`: `sigma_b2, sigma_w2, q_star` of the edge-of-chaos curve. */
  readonly 'phase-edge.csv': string;
  /** `phase-profile.csv` (with `depth`): `sigma_w2, sigma_b2, phase, layer, rho_ntk`. */
  readonly 'phase-profile.csv'?: string;
}

/**
 * The CSV texts of `ntk phase`; a missing value (no q*, no edge) is an empty cell. Numbers at full precision.
 *
 * @param doc - The phase document.
 * @returns The texts by file name.
 * @example
 * ```ts
 * const csv = phaseCsv(doc);
 * await writeFileAtomic(join(out, 'phase.csv'), csv['phase.csv']);
 * ```
 */
export function phaseCsv(doc: PhaseDocument): PhaseCsvFiles {
  const cell = (v: number | null) => (v === null ? '' : v);
  const grid = toCsv(
    ['sigma_w2', 'sigma_b2', 'q_star', 'chi1', 'log10_chi1', 'phase'],
    doc.points.map((p) => [p.sigmaW2, p.sigmaB2, cell(p.qStar), p.chi1, Math.log10(p.chi1), p.phase]),
  );
  const edge = toCsv(
    ['sigma_b2', 'sigma_w2', 'q_star'],
    doc.edgeOfChaos.map((p) => [p.sigmaB2, cell(p.sigmaW2), cell(p.qStar)]),
  );
  const profiles = doc.profiles;
  if (profiles === undefined) return { 'phase.csv': grid, 'phase-edge.csv': edge };
  const rows = profiles.points.flatMap((p) =>
    p.rho.map((r, l) => [p.sigmaW2, p.sigmaB2, p.phase, l + 1, r] as (number | string)[]),
  );
  return {
    'phase.csv': grid,
    'phase-edge.csv': edge,
    'phase-profile.csv': toCsv(['sigma_w2', 'sigma_b2', 'phase', 'layer', 'rho_ntk'], rows),
  };
}
