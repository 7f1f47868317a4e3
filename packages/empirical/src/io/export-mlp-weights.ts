import type { MlpSpec } from '@ntk/core';
import { checkMlp } from '../network/check-mlp.ts';
import { layerConstants } from '../network/layer-constants.ts';
import type { Mlp } from '../network/mlp.ts';
import { MLP_WEIGHTS_FORMAT, MLP_WEIGHTS_VERSION, type MlpWeightsJson } from './weights-format.ts';

/**
 * Writes a network's parameters in the documented JSON weights format ({@link MlpWeightsJson}); the
 * result is a plain object for `JSON.stringify`, and {@link importMlpWeights} reads it back exactly (float64
 * values survive JSON text unchanged).
 *
 * @param net - Network.
 * @returns The weights object.
 * @throws {ArgumentTypeError} If `net` is not a network.
 * @example
 * ```ts
 * writeFileSync('net.json', JSON.stringify(exportMlpWeights(net)));
 * ```
 */
export function exportMlpWeights(net: Mlp): MlpWeightsJson {
  checkMlp('exportMlpWeights', net);
  const s = net.spec;
  const spec: MlpSpec = {
    activation: s.activation,
    ...(s.activationDerivative === undefined ? {} : { activationDerivative: s.activationDerivative }),
    depth: s.depth,
    widths: [...(s.widths ?? [])],
    sigmaW2: [...s.sigmaW2],
    sigmaB2: [...s.sigmaB2],
    parameterization: s.parameterization,
    outputs: s.outputs,
  };
  const consts = layerConstants(s, net.inputDim);
  return {
    format: MLP_WEIGHTS_FORMAT,
    version: MLP_WEIGHTS_VERSION,
    spec,
    inputDim: net.inputDim,
    layers: net.layers.map((layer, l) => ({
      W: { shape: [layer.W.rows, layer.W.cols] as const, data: Array.from(layer.W.data) },
      b: consts[l]!.hasBias ? Array.from(layer.b) : null,
    })),
  };
}
