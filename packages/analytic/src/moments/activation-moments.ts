import type { Activation } from '@ntk/activations';
import { argumentError } from '@ntk/core';
import { closedFormMoments } from './closed-form-moments.ts';
import type { ActivationMoments } from './moments.ts';
import { quadratureMoments } from './quadrature-moments.ts';
import type { QuadratureOptions } from './quadrature-options.ts';

/** How {@link activationMoments} computes: `auto` (closed form where one exists), `closed-form`, `quadrature`. */
export type MomentsMethod = 'auto' | 'closed-form' | 'quadrature';

/**
 * The Gaussian moments E[φ(u)φ(v)], E[φ'(u)φ'(v)] (and the cancellation-free gap) of an activation: in closed form
 * for relu, leaky_relu, abrelu, step, sign (arc-cosine kernels, Cho & Saul 2009), erf (Williams 1997), linear,
 * sin, cos, exp; by the kink- and correlation-aware quadrature of {@link QuadratureOptions} otherwise.
 *
 * @param act - A resolved activation (from `resolveActivation`).
 * @param method - `auto` (default), `closed-form` (throws if there is none) or `quadrature` (forces the generic path).
 * @param quadrature - The accuracy/speed knob of the generic path.
 * @returns The moments.
 * @throws {ArgumentRangeError} If `method` is `closed-form` and `act` has none, or `method` is unknown.
 * @example
 * ```ts
 * const m = activationMoments(resolveActivation('tanh'));
 * const out = new Float64Array(3);
 * m.pair(1, 1, 1e-6, out);
 * ```
 */
export function activationMoments(
  act: Activation,
  method: MomentsMethod = 'auto',
  quadrature: QuadratureOptions = {},
): ActivationMoments {
  if (method !== 'auto' && method !== 'closed-form' && method !== 'quadrature') {
    throw argumentError(
      'range',
      'activationMoments',
      'method',
      '"auto", "closed-form" or "quadrature"',
      method,
    );
  }
  if (method === 'quadrature') return quadratureMoments(act, quadrature);
  const closed = closedFormMoments(act);
  if (closed) return closed;
  if (method === 'closed-form') {
    throw argumentError(
      'range',
      'activationMoments',
      'act',
      'an activation with a closed form (relu, leaky_relu, abrelu, step, sign, erf, linear, sin, cos, exp)',
      act.name,
    );
  }
  return quadratureMoments(act, quadrature);
}
