import { resolveActivation } from '@ntk/activations';
import { type ActivationOps, argumentError, checkUnaryOp, type ResolvedMlpSpec } from '@ntk/core';

/**
 * φ and φ' for a network: the given override (checked), or `spec.activation` (and
 * `spec.activationDerivative`) resolved by `@ntk/activations` (built-in name or mathjs expression, compiled
 * once to JavaScript).
 *
 * @param fn - Calling function, for messages.
 * @param spec - Resolved spec.
 * @param override - Optional explicit activation.
 * @returns The activation ops.
 * @throws {ArgumentTypeError} If the override is not an `ActivationOps`; whatever `resolveActivation`
 *   throws for an unknown activation.
 */
export function resolveActivationOps(
  fn: string,
  spec: ResolvedMlpSpec,
  override?: ActivationOps,
): ActivationOps {
  if (override !== undefined) {
    if (override === null || typeof override !== 'object') {
      throw argumentError('type', fn, 'options.activation', 'an ActivationOps { name, phi, dphi }', override);
    }
    checkUnaryOp(fn, override.phi);
    checkUnaryOp(fn, override.dphi);
    return override;
  }
  return resolveActivation(spec.activation, spec.activationDerivative);
}
