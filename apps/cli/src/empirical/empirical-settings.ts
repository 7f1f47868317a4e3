import { BACKEND_NAMES, type CliBackendName } from '../backend/resolve-cli-backend.ts';
import type { ConfigSchema } from '../config/resolve-config.ts';
import type { DataSettings } from '../data/data-settings.ts';
import { DATA_SCHEMA } from '../data/data-settings.ts';
import { NETWORK_PROPERTIES, type NetworkSettings } from '../spec/network-settings.ts';
import { canonicalData } from './canonical-data.ts';

/**
 * The settings of `ntk empirical` (flags, or config-file keys of the same names in camelCase): the network,
 * the data, the seed, the number of initialisations K (`samples`), the Monte-Carlo block size, the method of
 * the empirical NTK, whether to split it by layer, and the backend. Everything that determines the numbers of
 * the output files, so shards of one run must agree on all of it.
 */
export interface EmpiricalSettings extends NetworkSettings {
  /** The inputs. */
  readonly data: DataSettings;
  /** The run's seed: data from `dataKey(seed)`, networks from `networkKey(seed)`. */
  readonly seed: number;
  /** Initialisations K (1: one network's NTK; > 1: Monte-Carlo mean and variance). */
  readonly samples: number;
  /** Initialisations per Monte-Carlo block (the unit of shards and of the deterministic merge). */
  readonly blockSize: number;
  /** How the empirical NTK is computed (`jacobian` only with K = 1). */
  readonly method: 'structured' | 'jacobian';
  /** Also the per-layer contributions Θ̂_l. */
  readonly perLayer: boolean;
  /** The compute backend. */
  readonly backend: CliBackendName;
}

/** The JSON Schema of {@link EmpiricalSettings} (defaults: `sphere:8:3`, seed 0, K = 1, blocks of 16, structured, cpu). */
export const EMPIRICAL_SCHEMA: ConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...NETWORK_PROPERTIES,
    data: { ...DATA_SCHEMA, default: { kind: 'sphere', n: 8, d: 3 } },
    seed: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 },
    samples: { type: 'integer', minimum: 1, maximum: 10000000, default: 1 },
    blockSize: { type: 'integer', minimum: 1, maximum: 1048576, default: 16 },
    method: { enum: ['structured', 'jacobian'], default: 'structured' },
    perLayer: { type: 'boolean', default: false },
    backend: { enum: [...BACKEND_NAMES], default: 'cpu' },
  },
};

/**
 * The settings with their keys in a fixed order (the order of {@link EmpiricalSettings}), as written into
 * `empirical.json` and into each shard's manifest, so that runs given by flags and by config files give the
 * same bytes.
 *
 * @param s - Validated settings.
 * @returns A copy with ordered keys.
 * @example
 * ```ts
 * JSON.stringify(canonicalEmpiricalSettings(settings));
 * ```
 */
export function canonicalEmpiricalSettings(s: EmpiricalSettings): EmpiricalSettings {
  return {
    activation: s.activation,
    depth: s.depth,
    width: s.width,
    sigmaW2: s.sigmaW2,
    sigmaB2: s.sigmaB2,
    parameterization: s.parameterization,
    data: canonicalData(s.data),
    seed: s.seed,
    samples: s.samples,
    blockSize: s.blockSize,
    method: s.method,
    perLayer: s.perLayer,
    backend: s.backend,
  };
}
