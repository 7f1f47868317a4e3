import { argumentError, checkNumber, type Parameterization } from '@ntk/core';
import { checkState } from './check-state.ts';
import { fullState } from './full-state.ts';
import type { KernelState } from './kernel-state.ts';
import type { Layer } from './layer.ts';

/** Options of {@link dense}. σ_w², σ_b² are variances (not standard deviations). */
export interface DenseOptions {
  /** σ_w² > 0 (default 1). */
  readonly sigmaW2?: number;
  /** σ_b² ≥ 0 (default 0 = no bias). */
  readonly sigmaB2?: number;
  /** `ntk` (default) or `standard` (DESIGN §3). */
  readonly parameterization?: Parameterization;
  /** Output width n of this layer (`null`/omitted = infinite); used as fan-in by a following standard-param dense. */
  readonly width?: number | null;
}

/**
 * A fully-connected layer's kernel map (DESIGN §3). With K, T the incoming (post-activation) covariance and
 * tangent terms (K = x·x'/d, T = 0 at the input):
 *
 * - NNGP: Σ' = σ_w² K + σ_b² (both parameterisations).
 * - NTK parameterisation: Θ' = Σ' + σ_w² T, i.e. Θ^{l+1} = Σ^{l+1} + Θ^l Σ̇^{l+1} with Σ̇ = σ_w² E[φ'φ'].
 * - Standard parameterisation (W ~ N(0, σ_w²/n), b ~ N(0, σ_b²), trained directly): Θ' = n·K + β + σ_w² T,
 *   n = the fan-in (the incoming `width`: d at the input), β = 1 if σ_b² > 0 else 0 (σ_b² = 0 means no bias).
 *
 * Derivation of the standard form: both parameterisations compute the same function at initialisation (W_std =
 * σ_w ω/√n with ω ~ N(0, 1)), so the forward kernels and the back-propagated δ's agree; only the parameter
 * gradients differ. ∂f/∂W_std = (√n/σ_w) ∂f/∂ω, so the weight contribution Σ_ij (∂f/∂W_ij)(∂f'/∂W_ij) =
 * (n/σ_w²) · [σ_w² K · P] = n K P, where P = Σ_i δ_i δ'_i = Π_{m>l} Σ̇^m is the backward product; the bias
 * contribution is P (∂f/∂b = δ) instead of σ_b² P. Summing over layers gives Θ_std^{l+1} = n_l K^l + β + Σ̇^{l+1}
 * Θ_std^l, Θ_std^1 = x·x' + β. This is the infinite-width limit of E[Θ̂] for the stated widths (Θ_std grows ∝ n;
 * Θ_std/n converges), so it needs finite widths. (Sohl-Dickstein et al. 2020, "On the infinite width limit of
 * neural networks with a standard parameterization", arXiv 2001.07301; Lee et al. 2019, App. C.)
 *
 * @param options - σ_w², σ_b², parameterisation, width.
 * @returns The layer.
 * @throws {ArgumentRangeError} If σ_w² ≤ 0 or non-finite, σ_b² < 0, `width` not a positive integer or null, or
 *   the parameterisation unknown. Applying a standard-param layer to a state of infinite width throws too.
 * @example
 * ```ts
 * const layer = dense({ sigmaW2: 2, sigmaB2: 0.1 });
 * const s1 = layer.apply(inputState(x)); // Σ¹ = 2 x·x'/d + 0.1 = Θ¹
 * ```
 */
export function dense(options: DenseOptions = {}): Layer {
  if (options === null || typeof options !== 'object') {
    throw argumentError('type', 'dense', 'options', 'an object', options);
  }
  const w2 = checkNumber('dense', 'sigmaW2', options.sigmaW2 ?? 1, { positive: true });
  const b2 = checkNumber('dense', 'sigmaB2', options.sigmaB2 ?? 0, { nonNegative: true });
  const param = options.parameterization ?? 'ntk';
  if (param !== 'ntk' && param !== 'standard') {
    throw argumentError('range', 'dense', 'parameterization', '"ntk" or "standard"', param);
  }
  const width = options.width ?? null;
  if (width !== null && (!Number.isInteger(width) || width < 1)) {
    throw argumentError('range', 'dense', 'width', 'a positive integer or null (infinite)', width);
  }
  const name = `dense(σ_w²=${w2}, σ_b²=${b2}, ${param}${width === null ? '' : `, width=${width}`})`;
  const layer: Layer = {
    kind: 'dense',
    name,
    get layers(): readonly Layer[] {
      return [layer];
    },
    apply(state: KernelState, inPlace = false): KernelState {
      const next = denseApply(state, w2, b2, param, width, inPlace, name);
      checkState('dense', name, next);
      return next;
    },
  };
  return layer;
}

/** The dense map without the finiteness check (used by mlpKernels, which checks once per layer). */
export function denseApply(
  s: KernelState,
  w2: number,
  b2: number,
  param: Parameterization,
  width: number | null,
  inPlace: boolean,
  name: string,
): KernelState {
  if (s.stage === 'pre') {
    throw argumentError(
      'range',
      'dense',
      'state',
      'the inputs or an activation output (two dense layers in a row)',
      'the output of a dense layer',
    );
  }
  let fanIn = 0;
  if (param === 'standard') {
    if (s.width === null) {
      throw argumentError(
        'range',
        name,
        'state.width',
        "finite (the standard parameterisation's NTK scales with the fan-in): give the preceding dense layer a width",
        null,
      );
    }
    fanIn = s.width;
  }
  const beta = b2 > 0 ? 1 : 0;
  const std = param === 'standard';
  const alloc = (a: Float64Array): Float64Array => (inPlace ? a : new Float64Array(a.length));
  // Diagonals.
  const diag = (
    v: Float64Array,
    t: Float64Array,
  ): [Float64Array, Float64Array, Float64Array, Float64Array] => {
    const nv = alloc(v);
    const nt = alloc(t);
    const sa = new Float64Array(v.length); // √(σ_w² A)
    const sq = new Float64Array(v.length); // √q'
    for (let i = 0; i < v.length; i++) {
      const a = w2 * (v[i] as number);
      const q = a + b2;
      const k = v[i] as number;
      nt[i] = std ? fanIn * k + beta + w2 * (t[i] as number) : q + w2 * (t[i] as number);
      nv[i] = q;
      sa[i] = Math.sqrt(a);
      sq[i] = Math.sqrt(q);
    }
    return [nv, nt, sa, sq];
  };
  const [var1, ntkVar1, sa1, sq1] = diag(s.var1, s.ntkVar1);
  const [var2, ntkVar2, sa2, sq2] = s.symmetric ? [var1, ntkVar1, sa1, sq1] : diag(s.var2, s.ntkVar2);
  if (s.diagonalOnly) {
    return {
      ...s,
      nngp: var1,
      ntk: ntkVar1,
      var1,
      var2: var1,
      ntkVar1,
      ntkVar2: ntkVar1,
      width,
      stage: 'pre',
    };
  }
  const { rows, cols, symmetric } = s;
  const K = s.nngp;
  const T = s.ntk;
  const G = s.gap;
  const nngp = alloc(K);
  const ntk = alloc(T);
  const gap = alloc(G);
  for (let i = 0; i < rows; i++) {
    const a1 = sa1[i] as number;
    const q1 = sq1[i] as number;
    const o = i * cols;
    for (let j = symmetric ? i : 0; j < cols; j++) {
      const p = o + j;
      const k = K[p] as number;
      const c = w2 * k + b2;
      nngp[p] = c;
      ntk[p] = std ? fanIn * k + beta + w2 * (T[p] as number) : c + w2 * (T[p] as number);
      // gap' = √(q1'q2') − Σ' = σ_w² gap + b(√a1 − √a2)²/(√(q1'q2') + √(a1 a2) + b), no cancellation.
      const a2 = sa2[j] as number;
      const da = a1 - a2;
      gap[p] =
        b2 === 0 || da === 0
          ? w2 * (G[p] as number)
          : w2 * (G[p] as number) + (b2 * da * da) / (q1 * (sq2[j] as number) + a1 * a2 + b2);
    }
  }
  return fullState({ rows, cols, symmetric, nngp, ntk, gap, var1, var2, ntkVar1, ntkVar2 }, 'pre', width);
}
