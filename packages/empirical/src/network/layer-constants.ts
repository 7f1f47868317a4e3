import type { ResolvedMlpSpec } from '@ntk/core';

/** Per-layer constants of a finite network (index 0 = layer 1). */
export interface LayerConstants {
  /** Fan-in n_{l−1} (n_0 = d). */
  readonly fanIn: number;
  /** Fan-out n_l (n_{L+1} = outputs). */
  readonly fanOut: number;
  /** Forward scale of W: σ_w/√fan_in (ntk) or 1 (standard). */
  readonly weightScale: number;
  /** Forward scale of b: σ_b (ntk) or 1 (standard). */
  readonly biasScale: number;
  /** Whether b is a parameter of the layer (σ_b² > 0). */
  readonly hasBias: boolean;
  /** c_l = weightScale²: the factor of a·a' in this layer's NTK term. */
  readonly c: number;
  /** β_l = biasScale² if hasBias else 0: the constant of this layer's NTK term. */
  readonly beta: number;
  /** Standard deviation of W's initial entries: 1 (ntk) or σ_w/√fan_in (standard). */
  readonly initWeightStd: number;
  /** Standard deviation of b's initial entries: 1 (ntk) or σ_b (standard); 0 without bias. */
  readonly initBiasStd: number;
}

/**
 * The constants of each layer of a finite network, so that every path (forward, backward, NTK) uses one
 * definition of the parameterisation (DESIGN §3).
 *
 * @param spec - Resolved spec with finite widths.
 * @param inputDim - d.
 * @returns One entry per layer 1..L+1.
 * @example
 * ```ts
 * const [first] = layerConstants(net.spec, net.inputDim); // first.weightScale = σ_w/√d (ntk)
 * ```
 */
export function layerConstants(spec: ResolvedMlpSpec, inputDim: number): LayerConstants[] {
  const widths = spec.widths ?? [];
  const sizes = [inputDim, ...widths, spec.outputs];
  const out: LayerConstants[] = [];
  for (let l = 0; l <= spec.depth; l++) {
    const fanIn = sizes[l] as number;
    const fanOut = sizes[l + 1] as number;
    const sw2 = spec.sigmaW2[l] as number;
    const sb2 = spec.sigmaB2[l] as number;
    const ntk = spec.parameterization === 'ntk';
    const hasBias = sb2 > 0;
    const weightScale = ntk ? Math.sqrt(sw2 / fanIn) : 1;
    const biasScale = ntk ? Math.sqrt(sb2) : 1;
    out.push({
      fanIn,
      fanOut,
      weightScale,
      biasScale,
      hasBias,
      c: weightScale * weightScale,
      beta: hasBias ? biasScale * biasScale : 0,
      initWeightStd: ntk ? 1 : Math.sqrt(sw2 / fanIn),
      initBiasStd: hasBias ? (ntk ? 1 : Math.sqrt(sb2)) : 0,
    });
  }
  return out;
}
