import { type Activation, resolveActivation } from '@ntk/activations';
import { argumentError, checkNumber } from '@ntk/core';
import { activationMoments } from '../moments/activation-moments.ts';
import type { ActivationMoments } from '../moments/moments.ts';
import type { QuadratureOptions } from '../moments/quadrature-options.ts';

/** The weight and bias variances of a phase analysis (σ², not σ). */
export interface PhaseParameters {
  /** σ_w² > 0. */
  readonly sigmaW2: number;
  /** σ_b² ≥ 0 (default 0). */
  readonly sigmaB2?: number;
  /** Accuracy knob of the generic quadrature path (activations without a closed form). */
  readonly quadrature?: QuadratureOptions;
}

/** @internal Validated inputs shared by the phase functions. */
export interface PhaseInputs {
  readonly moments: ActivationMoments;
  readonly sigmaW2: number;
  readonly sigmaB2: number;
}

/**
 * @internal Validates an activation (name, expression or resolved) and σ_w², σ_b², and builds its moments.
 */
export function phaseInputs(fn: string, act: string | Activation, params: PhaseParameters): PhaseInputs {
  if (params === null || typeof params !== 'object') {
    throw argumentError('type', fn, 'params', 'an object { sigmaW2, sigmaB2 }', params);
  }
  const a = typeof act === 'string' ? resolveActivation(act) : act;
  if (a === null || typeof a !== 'object' || typeof a.phi?.fn !== 'function') {
    throw argumentError(
      'type',
      fn,
      'activation',
      'an activation name, a mathjs expression or a resolved Activation',
      act,
    );
  }
  const sigmaW2 = checkNumber(fn, 'params.sigmaW2', params.sigmaW2, { positive: true });
  const sigmaB2 = checkNumber(fn, 'params.sigmaB2', params.sigmaB2 ?? 0, { nonNegative: true });
  return { moments: activationMoments(a, 'auto', params.quadrature ?? {}), sigmaW2, sigmaB2 };
}
