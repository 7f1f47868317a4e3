import type { ConfigSchema } from '../config/resolve-config.ts';
import { UsageError } from '../errors/usage-error.ts';
import { NETWORK_PROPERTIES } from '../spec/network-settings.ts';

/** A (σ_w², σ_b²) pair. */
export interface VariancePoint {
  /** σ_w² > 0. */
  readonly sigmaW2: number;
  /** σ_b² ≥ 0. */
  readonly sigmaB2: number;
}

/**
 * The settings of `ntk phase` (flags or `--config` keys of the same names): the activation, the σ_w² and
 * σ_b² ranges of the diagram ([lo, hi], `grid` points each, ends included), and optionally a depth for the
 * normalised-NTK depth profile and the (σ_w², σ_b²) points at which to draw it.
 */
export interface PhaseSettings {
  /** The activation: built-in name or mathjs expression (default relu). */
  readonly activation: string;
  /** [lo, hi] of σ_w², 0 < lo < hi (default [0.5, 4]). */
  readonly sigmaW2Range: readonly [number, number];
  /** [lo, hi] of σ_b², 0 ≤ lo < hi (default [0, 1]). */
  readonly sigmaB2Range: readonly [number, number];
  /** Points per axis, 2…401 (default 41). */
  readonly grid: number;
  /** σ_b² values of the edge-of-chaos curve, 2…401, evenly picked among the grid's (default 21). */
  readonly edgePoints: number;
  /** Hidden layers L of the depth profile ρ_Θ^l, l = 1..L+1 (omitted: no profile). */
  readonly depth?: number;
  /** Where to draw the profile (default: below, at and above the edge of chaos at the middle σ_b²). */
  readonly profileAt?: readonly VariancePoint[];
}

const range = (minimum: 'minimum' | 'exclusiveMinimum', def: [number, number]): ConfigSchema => ({
  type: 'array',
  items: { type: 'number', [minimum]: 0 },
  minItems: 2,
  maxItems: 2,
  default: def,
});

/** The default σ_w² range of the diagram: it holds the edge of chaos of ReLU (2), tanh (1…3.4) and erf (π/4…2.7). */
export const DEFAULT_SIGMA_W2_RANGE: readonly [number, number] = [0.5, 4];
/** The default σ_b² range of the diagram. */
export const DEFAULT_SIGMA_B2_RANGE: readonly [number, number] = [0, 1];

/**
 * The JSON Schema (draft-07, for `resolveConfig`) of {@link PhaseSettings}; no other keys. That lo < hi is
 * checked by {@link checkPhaseRanges}.
 *
 * @example
 * ```ts
 * const s = resolveConfig<PhaseSettings>(PHASE_SCHEMA, undefined, { activation: 'tanh', grid: 21 });
 * ```
 */
export const PHASE_SCHEMA: ConfigSchema = {
  type: 'object',
  properties: {
    activation: NETWORK_PROPERTIES.activation,
    sigmaW2Range: range('exclusiveMinimum', [...DEFAULT_SIGMA_W2_RANGE]),
    sigmaB2Range: range('minimum', [...DEFAULT_SIGMA_B2_RANGE]),
    grid: { type: 'integer', minimum: 2, maximum: 401, default: 41 },
    edgePoints: { type: 'integer', minimum: 2, maximum: 401, default: 21 },
    depth: { type: 'integer', minimum: 0, maximum: 1000 },
    profileAt: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: {
        type: 'object',
        properties: {
          sigmaW2: { type: 'number', exclusiveMinimum: 0 },
          sigmaB2: { type: 'number', minimum: 0 },
        },
        required: ['sigmaW2', 'sigmaB2'],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

/**
 * Checks what the schema cannot: each range has lo < hi, and `profileAt` comes with a `depth`.
 *
 * @param s - Settings validated by {@link PHASE_SCHEMA}.
 * @param fromFlag - Which keys came from flags (to name the flag rather than the config file).
 * @param source - How to name the config file.
 * @throws {UsageError} Naming the field.
 * @example
 * ```ts
 * checkPhaseRanges(settings, new Set(['sigmaW2Range']), '--config phase.yaml');
 * ```
 */
export function checkPhaseRanges(s: PhaseSettings, fromFlag: ReadonlySet<string>, source: string): void {
  for (const [key, flag] of [
    ['sigmaW2Range', '--sigma-w2-range'],
    ['sigmaB2Range', '--sigma-b2-range'],
  ] as const) {
    const [lo, hi] = s[key];
    if (!(lo < hi)) {
      throw new UsageError(
        `${fromFlag.has(key) ? flag : source}: \`${key}\` must have lo < hi, got ${JSON.stringify(s[key])}`,
      );
    }
  }
  if (s.profileAt !== undefined && s.depth === undefined) {
    throw new UsageError(
      `${fromFlag.has('profileAt') ? '--profile-at' : source}: \`profileAt\` needs a \`depth\` (--depth L)`,
    );
  }
}
