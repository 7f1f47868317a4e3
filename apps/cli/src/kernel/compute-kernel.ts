import { mlpKernels } from '@ntk/analytic';
import type { Matrix } from '@ntk/core';
import { UsageError } from '../errors/usage-error.ts';
import type { KernelSettings } from './kernel-settings.ts';
import { layerContributions } from './layer-contributions.ts';

/** One layer's kernels in a {@link KernelResult}. */
export interface LayerKernels {
  /** The layer l = 1..L+1 (L + 1 is the readout: its kernels are the network's). */
  readonly layer: number;
  /** Σ^l. */
  readonly nngp: number[][];
  /** Θ^l (the NTK of the network cut after layer l). */
  readonly ntk: number[][];
  /** Layer l's parameters' share of the network's NTK: Σ^l ∏_{k>l} Σ̇^k (the shares sum to Θ^{L+1}). */
  readonly contribution: number[][];
}

/** The infinite-width kernels of `ntk kernel` on the inputs, as rows. */
export interface KernelResult {
  /** The NNGP kernel Σ^{L+1}(x_i, x_j). */
  readonly nngp: number[][];
  /** The NTK Θ^{L+1}(x_i, x_j). */
  readonly ntk: number[][];
  /** Every layer's kernels (with `perLayer`). */
  readonly layers?: readonly LayerKernels[];
}

/**
 * The infinite-width NNGP Σ and NTK Θ of the network the settings describe, between every pair of inputs, by
 * `mlpKernels` of `@ntk/analytic` (one pass of the recursion; with `perLayer`, every layer's Σ^l, Θ^l and
 * its share of the NTK, see {@link layerContributions}).
 *
 * @param settings - Validated `ntk kernel` settings.
 * @param x - The inputs, N×d.
 * @returns Σ and Θ (N×N), and the layers on request.
 * @throws {UsageError} For the standard parameterisation with hidden layers (its NTK needs finite widths).
 *   The argument errors of `mlpKernels` (exit code 2) for a bad activation; `NumericalError` if a value
 *   overflows.
 * @example
 * ```ts
 * const { ntk } = computeKernel({ ...settings, depth: 3 }, x);
 * ```
 */
export function computeKernel(settings: KernelSettings, x: Matrix): KernelResult {
  if (settings.parameterization === 'standard' && settings.depth > 0) {
    throw new UsageError(
      '`parameterization` standard needs finite widths (its NTK grows with the width): use ntk here, or `ntk empirical`',
    );
  }
  const spec = {
    activation: settings.activation,
    depth: settings.depth,
    sigmaW2: settings.sigmaW2,
    sigmaB2: settings.sigmaB2,
    parameterization: settings.parameterization,
  };
  const r = mlpKernels(spec, x, undefined, { layers: settings.perLayer });
  if (!settings.perLayer || r.layers === undefined) return { nngp: r.nngp.toArray(), ntk: r.ntk.toArray() };
  // Standard parameterisation (depth 0 only here): the one layer's share is Θ itself.
  const terms =
    settings.parameterization === 'standard'
      ? [r.ntk.toArray()]
      : layerContributions(
          settings.activation,
          settings.sigmaW2,
          r.layers.map((k) => k.nngp),
        );
  const layers = r.layers.map((k, i) => ({
    layer: i + 1,
    nngp: k.nngp.toArray(),
    ntk: k.ntk.toArray(),
    contribution: terms[i] as number[][],
  }));
  return { nngp: r.nngp.toArray(), ntk: r.ntk.toArray(), layers };
}
