import { type Activation, resolveActivation } from '@ntk/activations';
import { argumentError } from '@ntk/core';
import { type ActivationMoments, activationMoments, type MomentsMethod } from '../moments/index-internal.ts';
import type { QuadratureOptions } from '../moments/quadrature-options.ts';
import { activationApply } from './activation-apply.ts';
import { checkState } from './check-state.ts';
import type { KernelState } from './kernel-state.ts';
import type { Layer } from './layer.ts';

/** Options of {@link activation}. */
export interface ActivationLayerOptions {
  /** `auto` (closed form where one exists, default), `closed-form`, or `quadrature` (force the generic path). */
  readonly method?: MomentsMethod;
  /** The accuracy/speed knob of the generic path (see {@link QuadratureOptions}). */
  readonly quadrature?: QuadratureOptions;
  /**
   * Generic path only: when every diagonal variance of the layer is the same q (inputs on a sphere), tabulate the
   * moments in θ = arccos ρ once per layer and interpolate (≤ 1e-12 relative, see {@link thetaTable}) instead of one
   * quadrature per entry. `auto` (default) does so when the layer has more than 2000 entries; `true` always; `false` never.
   */
  readonly table?: boolean | 'auto';
}

/**
 * An activation layer's kernel map: with (u, v) ~ N(0, [[Σ(x,x), Σ(x,x')], [Σ(x,x'), Σ(x',x')]]) from the preceding
 * dense layer, K = E[φ(u)φ(v)] and T = Θ·E[φ'(u)φ'(v)] (the next dense layer applies σ_w², σ_b²: DESIGN §3).
 * Closed forms for relu, leaky_relu, abrelu, step, sign, erf, linear, sin, cos, exp; any other built-in or mathjs
 * expression in x by the kink- and correlation-aware quadrature.
 *
 * @param nameOrExpression - A built-in name (`relu`, `tanh`, `leaky_relu(0.1)`, …) or a mathjs expression in x, or an
 *   already resolved {@link Activation}.
 * @param derivative - φ' as a mathjs expression, where mathjs cannot find it (erf, max, …).
 * @param options - Method, quadrature knob, tabulation.
 * @returns The layer.
 * @throws {ArgumentTypeError} / {@link @ntk/core!ArgumentRangeError} From `resolveActivation` for an unknown name or a rejected
 *   expression (unknown symbol, not a function of x, derivative not found and not given, …).
 * @example
 * ```ts
 * const net = serial(dense({ sigmaW2: 1.5 }), activation('x / (1 + exp(-x))'), dense({ sigmaW2: 1.5 }));
 * const hinge = activation('max(x, 0)', 'x > 0 ? 1 : 0');
 * ```
 */
export function activation(
  nameOrExpression: string | Activation,
  derivative?: string,
  options: ActivationLayerOptions = {},
): Layer {
  const act =
    typeof nameOrExpression === 'object' && nameOrExpression !== null
      ? nameOrExpression
      : resolveActivation(nameOrExpression as string, derivative);
  const table = options.table ?? 'auto';
  if (table !== 'auto' && table !== true && table !== false) {
    throw argumentError('range', 'activation', 'options.table', 'true, false or "auto"', table);
  }
  const moments: ActivationMoments = activationMoments(
    act,
    options.method ?? 'auto',
    options.quadrature ?? {},
  );
  const name = `activation(${act.name}${moments.method === 'quadrature' ? ', quadrature' : ''})`;
  const layer: Layer = {
    kind: 'activation',
    name,
    get layers(): readonly Layer[] {
      return [layer];
    },
    apply(state: KernelState, inPlace = false): KernelState {
      const next = activationApply(state, moments, inPlace, table);
      checkState('activation', name, next);
      return next;
    },
  };
  return Object.assign(layer, { moments });
}
