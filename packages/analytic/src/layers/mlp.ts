import { resolveActivation } from '@ntk/activations';
import { argumentError, type MlpSpec, type ResolvedMlpSpec, resolveMlpSpec } from '@ntk/core';
import { type ActivationLayerOptions, activation } from './activation-layer.ts';
import { dense } from './dense.ts';
import type { Layer } from './layer.ts';
import { serial } from './serial.ts';

/**
 * The layers of the network an {@link MlpSpec} describes (DESIGN §3): dense(σ_w²[0], σ_b²[0]) then, for each hidden
 * layer l = 1..L, activation(φ) and dense(σ_w²[l], σ_b²[l]); the last dense is the linear readout. Applied to the
 * inputs' state it gives NNGP = Σ^{L+1}, NTK = Θ^{L+1}. A spec with `outputs` O > 1 has the same scalar kernel per
 * output (the full kernel is Σ ⊗ I_O).
 *
 * @param spec - The network (validated by `resolveMlpSpec`).
 * @param options - Passed to the activation layers (method, quadrature, table).
 * @returns The network as one serial layer.
 * @throws {ArgumentTypeError} / {@link @ntk/core!ArgumentRangeError} For a bad spec (naming the field), a rejected activation,
 *   or `parameterization: 'standard'` without finite `widths` (its NTK scales with width).
 * @example
 * ```ts
 * const net = mlp({ activation: 'relu', depth: 3, sigmaW2: 2, sigmaB2: 0.1 });
 * const { ntk } = kernelsOf(net.apply(inputState(x)));
 * ```
 */
export function mlp(spec: MlpSpec, options: ActivationLayerOptions = {}, fn = 'mlp'): Layer {
  const r: ResolvedMlpSpec = resolveMlpSpec(spec, fn);
  return serial(...mlpLayers(r, options, fn));
}

/** The flat layer list of a resolved spec. */
export function mlpLayers(r: ResolvedMlpSpec, options: ActivationLayerOptions, fn: string): Layer[] {
  if (r.parameterization === 'standard' && r.depth > 0 && r.widths === null) {
    throw argumentError(
      'range',
      fn,
      'spec.widths',
      'finite widths when parameterization is "standard" (its NTK grows with the width)',
      undefined,
    );
  }
  const act = resolveActivation(r.activation, r.activationDerivative);
  const layers: Layer[] = [];
  for (let l = 0; l <= r.depth; l++) {
    if (l > 0) layers.push(activation(act, undefined, options));
    const width = l < r.depth ? (r.widths === null ? null : (r.widths[l] as number)) : r.outputs;
    layers.push(
      dense({
        sigmaW2: r.sigmaW2[l] as number,
        sigmaB2: r.sigmaB2[l] as number,
        parameterization: r.parameterization,
        width,
      }),
    );
  }
  return layers;
}
