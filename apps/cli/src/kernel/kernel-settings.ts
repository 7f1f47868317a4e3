import type { ConfigSchema } from '../config/resolve-config.ts';
import type { DataSettings } from '../data/data-settings.ts';
import { DATA_SCHEMA } from '../data/data-settings.ts';
import type { NetworkSettings } from '../spec/network-settings.ts';
import { NETWORK_PROPERTIES } from '../spec/network-settings.ts';

/**
 * The settings of `ntk kernel` (flags or `--config` keys of the same names): the network without a width
 * (the kernels are those of infinite width), the inputs, the seed that draws random inputs, and whether to
 * keep every layer's kernels.
 */
export interface KernelSettings extends Omit<NetworkSettings, 'width'> {
  /** The inputs (default `angles:33:2`). */
  readonly data: DataSettings;
  /** Seed of random inputs (default 0). */
  readonly seed: number;
  /** Also output Σ^l, Θ^l and layer l's share of the NTK for every layer (default false). */
  readonly perLayer: boolean;
}

const { width: _width, ...NETWORK_WITHOUT_WIDTH } = NETWORK_PROPERTIES;

/** The default inputs of `ntk kernel`: 33 points at angles 0…π in ℝ². */
export const DEFAULT_KERNEL_DATA: DataSettings = { kind: 'angles', n: 33, d: 2 };

/**
 * The JSON Schema (draft-07, for `resolveConfig`) of {@link KernelSettings}: the network properties without
 * `width`, `data` (default `angles:33:2`), `seed` (integer ≥ 0, default 0), `perLayer` (default false); no
 * other keys.
 *
 * @example
 * ```ts
 * const s = resolveConfig<KernelSettings>(KERNEL_SCHEMA, undefined, { depth: 3 });
 * ```
 */
export const KERNEL_SCHEMA: ConfigSchema = {
  type: 'object',
  properties: {
    ...NETWORK_WITHOUT_WIDTH,
    data: { ...DATA_SCHEMA, default: DEFAULT_KERNEL_DATA },
    seed: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 },
    perLayer: { type: 'boolean', default: false },
  },
  additionalProperties: false,
};
