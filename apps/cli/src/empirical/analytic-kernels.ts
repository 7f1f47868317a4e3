import { mlpKernels } from '@ntk/analytic';
import type { Matrix } from '@ntk/core';
import { mlpSpecOf, type NetworkSettings } from '../spec/network-settings.ts';

/**
 * The analytic kernels beside an empirical measurement: `mlpKernels` of `@ntk/analytic` for the settings'
 * network, i.e. the infinite-width NTK Θ and NNGP Σ in the NTK parameterisation, and, in the standard
 * parameterisation (whose NTK grows with the width), the expected NTK at the settings' finite width (the
 * recursion with the actual fan-ins).
 *
 * @param s - Network settings.
 * @param x - Inputs, N×d.
 * @returns Θ(x, x) and Σ(x, x), N×N.
 * @throws As `mlpKernels` (a bad activation, a non-finite kernel).
 * @example
 * ```ts
 * const { ntk } = analyticKernels(settings, x);
 * ```
 */
export function analyticKernels(
  s: NetworkSettings,
  x: Matrix,
): { readonly ntk: Matrix; readonly nngp: Matrix } {
  const spec = mlpSpecOf(s, s.parameterization === 'standard');
  const k = mlpKernels(spec, x);
  return { ntk: k.ntk, nngp: k.nngp };
}
