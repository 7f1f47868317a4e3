import { argumentError, checkInteger, foldIn, type Key, type Matrix, type MlpSpec } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import type { MeasureContext } from '../../claim/types.ts';

/** Options of {@link diagonalNtkSamples}. */
export interface DiagonalNtkSamplesOptions {
  /** The network (finite widths). */
  readonly spec: MlpSpec;
  /** One input, 1 × d. */
  readonly input: Matrix;
  /** Network k is drawn from `foldIn(key, k)`. */
  readonly key: Key;
  /** Number of random networks K (≥ 2). */
  readonly networks: number;
  /**
   * Biases trained but initialised at zero (Hanin & Nica 2020; Seleznova & Kutyniok 2022): every layer with
   * σ_b² > 0 in `spec` gets b = 0 at initialisation, so the forward pass is that of a bias-free network while
   * each bias still contributes σ_b²·‖∂f/∂z^l‖² (NTK parameterisation; 1·‖∂f/∂z^l‖² standard) to Θ̂(x, x).
   * Default false (biases drawn as `initMlp` draws them).
   */
  readonly zeroInitBiases?: boolean;
  /** Backend, signal and progress of the measurement; progress is reported as `[offset, offset + span]`. */
  readonly context: MeasureContext;
  /** Where this call's progress starts in the measurement's [0, 1] (default 0). */
  readonly progressOffset?: number;
  /** The share of the measurement's progress this call covers (default 1). */
  readonly progressSpan?: number;
}

/**
 * K independent draws of the empirical NTK on the diagonal, Θ̂(x, x) = Σ_θ (∂f(x)/∂θ)², one per random network
 * `initMlp(spec, foldIn(key, k), d)`, k = 0..K−1 (`@ntk/empirical`'s structured NTK, diagonal only, on
 * `context.backend`). Network k depends only on the key and k, so a sample is reproducible on its own.
 *
 * @param options - Spec, input, key, number of networks, bias handling, context.
 * @returns The K values Θ̂_k(x, x).
 * @throws ArgumentRangeError if `input` is not one row or `networks` < 2; the context's abort reason when its
 *   signal fires (checked between networks); what `initMlp` / `empiricalNtk` throw.
 * @example
 * ```ts
 * const k = await diagonalNtkSamples({ spec: { activation: 'relu', depth: 4, widths: 16, sigmaW2: 2, sigmaB2: 1 },
 *   input: sphere(key(1), 1, 4), key: key(2), networks: 1000, zeroInitBiases: true, context });
 * ```
 */
export async function diagonalNtkSamples(options: DiagonalNtkSamplesOptions): Promise<Float64Array> {
  const fn = 'diagonalNtkSamples';
  const { spec, input, key, networks, context } = options;
  checkInteger(fn, 'options.networks', networks, 2);
  if (input.rows !== 1) throw argumentError('range', fn, 'options.input', 'one row (1 × d)', input.shapeText);
  const offset = options.progressOffset ?? 0;
  const span = options.progressSpan ?? 1;
  const every = Math.max(1, Math.floor(networks / 20));
  const out = new Float64Array(networks);
  for (let k = 0; k < networks; k++) {
    context.signal?.throwIfAborted();
    const net = initMlp(spec, foldIn(key, k), input.cols);
    if (options.zeroInitBiases === true) for (const layer of net.layers) layer.b.fill(0);
    const { ntk } = await empiricalNtk(net, input, undefined, { diagonal: true, backend: context.backend });
    out[k] = ntk.get(0, 0);
    if (context.onProgress !== undefined && ((k + 1) % every === 0 || k + 1 === networks)) {
      context.onProgress({
        fraction: offset + (span * (k + 1)) / networks,
        message: `network ${k + 1}/${networks}`,
      });
    }
  }
  return out;
}
