import { NTK_VERSIONS } from '@ntk/bounds';
import { CLI_VERSION } from '../version.ts';
import type { PhasePoint } from './chi1-at.ts';
import type { DepthProfile } from './depth-profile.ts';
import type { EdgePoint } from './edge-curve.ts';
import type { PhaseGrid } from './phase-grid.ts';
import type { PhaseSettings } from './phase-settings.ts';

/** How many grid points fell in each phase. */
export interface PhaseCounts {
  /** χ₁ < 1. */
  readonly ordered: number;
  /** χ₁ = 1 (within 1e-9). */
  readonly edgeOfChaos: number;
  /** χ₁ > 1. */
  readonly chaotic: number;
}

/** What `phase.json` holds. */
export interface PhaseDocument {
  /** Always `ntk-phase`. */
  readonly format: 'ntk-phase';
  /** The validated settings. */
  readonly settings: PhaseSettings;
  /** `@ntk` package versions and `@ntk/cli`'s. */
  readonly versions: Readonly<Record<string, string>>;
  /** The axes of the grid. */
  readonly grid: { readonly sigmaW2: readonly number[]; readonly sigmaB2: readonly number[] };
  /** Every grid point (σ_b² outer, σ_w² inner). */
  readonly points: readonly PhasePoint[];
  /** Points per phase. */
  readonly counts: PhaseCounts;
  /** The edge-of-chaos curve at `edgePoints` of the grid's σ_b² values. */
  readonly edgeOfChaos: readonly EdgePoint[];
  /** The normalised NTK's depth profiles (with `depth`). */
  readonly profiles?: {
    readonly depth: number;
    readonly inputs: readonly (readonly number[])[];
    readonly points: readonly DepthProfile[];
  };
}

/**
 * Counts the grid points in each phase.
 *
 * @param points - The points.
 * @returns The counts.
 * @example
 * ```ts
 * countPhases(grid.points).chaotic;
 * ```
 */
export function countPhases(points: readonly PhasePoint[]): PhaseCounts {
  const n = (p: PhasePoint['phase']) => points.filter((q) => q.phase === p).length;
  return { ordered: n('ordered'), edgeOfChaos: n('edge-of-chaos'), chaotic: n('chaotic') };
}

/**
 * Assembles the {@link PhaseDocument} (no timestamps: the same settings give the same file).
 *
 * @param settings - Validated settings.
 * @param grid - χ₁ on the grid.
 * @param edge - The edge-of-chaos curve.
 * @param profiles - The depth profiles, if any.
 * @returns The document.
 * @example
 * ```ts
 * const doc = phaseDocument(settings, grid, edgeCurve(settings.activation, grid.sigmaB2));
 * ```
 */
export function phaseDocument(
  settings: PhaseSettings,
  grid: PhaseGrid,
  edge: readonly EdgePoint[],
  profiles?: PhaseDocument['profiles'],
): PhaseDocument {
  return {
    format: 'ntk-phase',
    settings,
    versions: { ...NTK_VERSIONS, '@ntk/cli': CLI_VERSION },
    grid: { sigmaW2: grid.sigmaW2, sigmaB2: grid.sigmaB2 },
    points: grid.points,
    counts: countPhases(grid.points),
    edgeOfChaos: edge,
    ...(profiles !== undefined ? { profiles } : {}),
  };
}
