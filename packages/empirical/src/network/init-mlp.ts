import { type ActivationOps, checkInteger, checkKey, foldIn, type Key, Matrix, normal } from '@ntk/core';
import { layerConstants } from './layer-constants.ts';
import type { Mlp, MlpLayer } from './mlp.ts';
import { resolveActivationOps } from './resolve-activation-ops.ts';
import { resolveFiniteSpec } from './resolve-finite-spec.ts';

/** Options of {@link initMlp}. */
export interface InitMlpOptions {
  /** φ and φ' to use instead of resolving `spec.activation` with `@ntk/activations`. */
  readonly activation?: ActivationOps;
}

/**
 * Draws a finite fully-connected network at initialisation (DESIGN §3).
 *
 * NTK parameterisation (default): every W^l_{ij}, b^l_i ~ N(0, 1), scaled in the forward pass by σ_w/√n_{l−1}
 * and σ_b. Standard parameterisation: W^l_{ij} ~ N(0, σ_w²/n_{l−1}), b^l_i ~ N(0, σ_b²), used directly.
 * A layer with σ_b² = 0 has no bias (b = 0, not a parameter).
 *
 * Reproducibility: layer l (1-based, readout = L+1) draws `normal(foldIn(key, l), n_l·n_{l−1} + n_l)`: the
 * first n_l·n_{l−1} values are W^l row-major, the next n_l are b^l (before scaling). So a layer's weights
 * depend only on the key, l and its shape.
 *
 * @param spec - An `MlpSpec` with finite `widths`.
 * @param key - Random key (`key(seed)` from `@ntk/core`).
 * @param inputDim - Input dimension d (positive integer).
 * @param options - Optional activation override.
 * @returns The network.
 * @throws {ArgumentTypeError} / {@link @ntk/core!ArgumentRangeError} For a bad spec (including infinite, zero or
 *   fractional widths), key or input dimension, or an unknown activation.
 * @example
 * ```ts
 * const net = initMlp({ activation: 'relu', depth: 2, widths: 512, sigmaW2: 2, sigmaB2: 0.1 }, key(0), 64);
 * ```
 */
export function initMlp(spec: unknown, key: Key, inputDim: number, options: InitMlpOptions = {}): Mlp {
  const fn = 'initMlp';
  const s = resolveFiniteSpec(spec, fn);
  checkKey(fn, 'key', key);
  checkInteger(fn, 'inputDim', inputDim, 1, 2 ** 24);
  const activation = resolveActivationOps(fn, s, options.activation);
  const consts = layerConstants(s, inputDim);
  const layers: MlpLayer[] = consts.map((k, l) => {
    const count = k.fanOut * k.fanIn;
    const z = normal(foldIn(key, l + 1), count + k.fanOut);
    const W = new Float64Array(count);
    for (let i = 0; i < count; i++) W[i] = k.initWeightStd * (z[i] as number);
    const b = new Float64Array(k.fanOut);
    if (k.hasBias) for (let i = 0; i < k.fanOut; i++) b[i] = k.initBiasStd * (z[count + i] as number);
    return { W: new Matrix(k.fanOut, k.fanIn, W), b };
  });
  return { spec: s, inputDim, layers, activation };
}
