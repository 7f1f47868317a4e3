import { checkMlp } from './check-mlp.ts';
import { layerConstants } from './layer-constants.ts';
import type { Mlp } from './mlp.ts';

/**
 * Number of trainable parameters P = Σ_l (n_l·n_{l−1} + [σ_b,l² > 0]·n_l) (a layer with σ_b² = 0 has no bias).
 * This is the column count of {@link mlpJacobian}.
 *
 * @param net - Network.
 * @returns P.
 * @throws {ArgumentTypeError} If `net` is not a network.
 * @example
 * ```ts
 * mlpParameterCount(initMlp({ activation: 'relu', depth: 1, widths: 4, sigmaB2: 0.1 }, key(0), 3)); // 4·3+4 + 1·4+1 = 21
 * ```
 */
export function mlpParameterCount(net: Mlp): number {
  checkMlp('mlpParameterCount', net);
  let p = 0;
  for (const k of layerConstants(net.spec, net.inputDim))
    p += k.fanOut * k.fanIn + (k.hasBias ? k.fanOut : 0);
  return p;
}
