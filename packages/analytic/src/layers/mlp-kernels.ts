import { type Kernels, type MlpSpec, NumericalError, resolveMlpSpec } from '@ntk/core';
import type { ActivationLayerOptions } from './activation-layer.ts';
import { type Inputs, inputState } from './input-state.ts';
import type { KernelState } from './kernel-state.ts';
import { kernelsOf } from './kernels-of.ts';
import { mlpLayers } from './mlp.ts';

/** Options of {@link mlpKernels}. */
export interface MlpKernelsOptions extends ActivationLayerOptions {
  /** Only Σ(x, x), Θ(x, x), as Float64Arrays, in O(N) memory (x2 must be omitted). */
  readonly diagonal?: boolean;
  /** Also return every layer's kernels Σ^l, Θ^l for l = 1..L+1 (from the same single pass). */
  readonly layers?: boolean;
}

/** The result of {@link mlpKernels}: NNGP = Σ^{L+1}, NTK = Θ^{L+1}, N1×N2, and optionally every layer's. */
export interface MlpKernelsResult extends Kernels {
  /** `layers[l − 1]` = { Σ^l, Θ^l }, l = 1..L+1 (present with `options.layers`). */
  readonly layers?: readonly Kernels[];
}

/** The diagonal result of {@link mlpKernels}: Σ(x_i, x_i), Θ(x_i, x_i). */
export interface MlpDiagonalResult {
  /** Σ^{L+1}(x_i, x_i). */
  readonly nngp: Float64Array;
  /** Θ^{L+1}(x_i, x_i). */
  readonly ntk: Float64Array;
  /** Per layer (with `options.layers`). */
  readonly layers?: readonly { readonly nngp: Float64Array; readonly ntk: Float64Array }[];
}

const FN = 'mlpKernels';

/**
 * The infinite-width NNGP and NTK of the network an {@link MlpSpec} describes, between inputs x1 (N1×d) and x2
 * (N2×d), by the recursion of DESIGN §3:
 *
 * $$
 * \begin{aligned}
 * \Sigma^1(x, x') &= \sigma_w^2\, x \cdot x' / d + \sigma_b^2, \qquad \Theta^1 = \Sigma^1, \\
 * \Sigma^{l+1} &= \sigma_w^2\, \mathbb E[\varphi(u)\varphi(v)] + \sigma_b^2, \qquad
 * \dot\Sigma^{l+1} = \sigma_w^2\, \mathbb E[\varphi'(u)\varphi'(v)], \\
 * \Theta^{l+1} &= \Sigma^{l+1} + \Theta^l\, \dot\Sigma^{l+1},
 * \end{aligned}
 * $$
 *
 * with $(u, v)$ centred Gaussian with the covariance $\Sigma^l$ of the pair; NNGP $= \Sigma^{L+1}$, NTK
 * $= \Theta^{L+1}$ (Jacot et al. 2018, arXiv 1806.07572; Lee et al. 2019, arXiv 1902.06720). Standard
 * parameterisation: see {@link dense}.
 *
 * 1 − ρ is carried through every layer without cancellation (see {@link KernelState}), so deep networks (tested to
 * L = 10,000 against a 64-digit reference) stay accurate. x2 omitted: the symmetric kernel, half computed.
 *
 * @param spec - The network.
 * @param x1 - First inputs, N1×d (Matrix or array of rows).
 * @param x2 - Second inputs, N2×d (omitted: x1).
 * @param options - `diagonal`, `layers`, and the activation options (method, quadrature, table).
 * @returns `{ nngp, ntk }` as N1×N2 matrices (`layers` too on request); with `diagonal: true`, Float64Arrays.
 * @throws {ArgumentTypeError} / {@link @ntk/core!ArgumentRangeError} For a bad spec, activation or input.
 * @throws {ShapeError} If x1 and x2 differ in dimension, or an input is empty or ragged.
 * @throws {NumericalError} If a non-finite value appears, naming the layer and the entry.
 * @example
 * ```ts
 * const x = sphere(key(1), 100, 8);
 * const { nngp, ntk } = mlpKernels({ activation: 'relu', depth: 3, sigmaW2: 2, sigmaB2: 0.1 }, x);
 * const diag = mlpKernels({ activation: 'erf', depth: 5 }, x, undefined, { diagonal: true });
 * ```
 */
export function mlpKernels(
  spec: MlpSpec,
  x1: Inputs,
  x2: Inputs | undefined,
  options: MlpKernelsOptions & { readonly diagonal: true },
): MlpDiagonalResult;
export function mlpKernels(
  spec: MlpSpec,
  x1: Inputs,
  x2?: Inputs,
  options?: MlpKernelsOptions,
): MlpKernelsResult;
export function mlpKernels(
  spec: MlpSpec,
  x1: Inputs,
  x2?: Inputs,
  options: MlpKernelsOptions = {},
): MlpKernelsResult | MlpDiagonalResult {
  const r = resolveMlpSpec(spec, FN);
  const layers = mlpLayers(r, options, FN);
  let state: KernelState = inputState(x1, x2, { diagonal: options.diagonal === true, fn: FN });
  const record = options.layers === true;
  const full: Kernels[] = [];
  const diag: { nngp: Float64Array; ntk: Float64Array }[] = [];
  let denseIndex = 0;
  layers.forEach((layer, i) => {
    try {
      state = layer.apply(state, true);
    } catch (e) {
      if (e instanceof NumericalError) {
        throw new NumericalError(FN, `layer ${i + 1} of ${layers.length} (${layer.name}): ${e.message}`, {
          ...e.details,
          layerIndex: i,
        });
      }
      throw e;
    }
    if (layer.kind === 'dense') {
      denseIndex++;
      if (record && denseIndex <= r.depth) {
        if (state.diagonalOnly) diag.push({ nngp: state.var1.slice(), ntk: state.ntkVar1.slice() });
        else full.push(kernelsOf(state));
      }
    }
  });
  if (state.diagonalOnly) {
    const out = { nngp: state.var1.slice(), ntk: state.ntkVar1.slice() };
    return record ? { ...out, layers: [...diag, out] } : out;
  }
  const out = kernelsOf(state);
  return record ? { ...out, layers: [...full, out] } : out;
}
