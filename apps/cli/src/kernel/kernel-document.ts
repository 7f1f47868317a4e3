import { NTK_VERSIONS } from '@ntk/bounds';
import { CLI_VERSION } from '../version.ts';
import type { KernelResult, LayerKernels } from './compute-kernel.ts';
import type { KernelSettings } from './kernel-settings.ts';

/** What `kernel.json` holds: the settings, the versions, the inputs' description and the kernels. */
export interface KernelDocument {
  /** Always `ntk-kernel`. */
  readonly format: 'ntk-kernel';
  /** The validated settings (seed included). */
  readonly settings: KernelSettings;
  /** `@ntk` package versions and `@ntk/cli`'s. */
  readonly versions: Readonly<Record<string, string>>;
  /** The inputs: description, count n, dimension d, and the angles θ_i for `angles` data. */
  readonly data: {
    readonly description: string;
    readonly n: number;
    readonly d: number;
    readonly thetas?: readonly number[];
  };
  /** Σ^{L+1}(x_i, x_j), n×n. */
  readonly nngp: number[][];
  /** Θ^{L+1}(x_i, x_j), n×n. */
  readonly ntk: number[][];
  /** Per layer (with `perLayer`). */
  readonly layers?: readonly LayerKernels[];
}

/**
 * Assembles {@link KernelDocument} (no timestamps: the same settings give the same file).
 *
 * @param settings - The validated settings.
 * @param data - Description and shape of the inputs (and θ for `angles`).
 * @param result - The kernels.
 * @returns The document.
 * @example
 * ```ts
 * const doc = kernelDocument(settings, { description, n: 8, d: 3 }, computeKernel(settings, x));
 * ```
 */
export function kernelDocument(
  settings: KernelSettings,
  data: KernelDocument['data'],
  result: KernelResult,
): KernelDocument {
  return {
    format: 'ntk-kernel',
    settings,
    versions: { ...NTK_VERSIONS, '@ntk/cli': CLI_VERSION },
    data,
    nngp: result.nngp,
    ntk: result.ntk,
    ...(result.layers !== undefined ? { layers: result.layers } : {}),
  };
}
