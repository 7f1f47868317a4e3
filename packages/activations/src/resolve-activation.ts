import { argumentError, MAX_ACTIVATION_LENGTH } from '@ntk/core';
import type { Activation } from './activation.ts';
import { builtinActivation } from './builtin/builtin-activation.ts';
import { parseBuiltin } from './builtin/parse-builtin.ts';
import { resolveExpression } from './expression/resolve-expression.ts';

const FN = 'resolveActivation';
/** Resolved expressions, by text: parsing and differentiating cost milliseconds, a lookup nothing. */
const CACHE = new Map<string, Activation>();
const CACHE_SIZE = 256;

/**
 * Resolves an activation given by name or by expression into φ and φ' ready to run.
 *
 * - A built-in: a bare name (`relu`, `tanh`, `gelu`, …, case-insensitive) or a name with numeric parameters in
 *   call syntax: `leaky_relu(a)` = a·x (x < 0), x (x ≥ 0), default a = 0.01; `abrelu(a, b)` = a·x (x < 0),
 *   b·x (x ≥ 0), defaults 0.01 and 1; `elu(alpha)`, default 1. `silu` resolves to `swish`.
 *
 * @param activation - A built-in name (see {@link BUILTIN_ACTIVATIONS}) or call.
 * @param derivative - Not accepted for built-ins (they carry their own φ').
 * @returns The frozen {@link Activation}.
 * @throws {ArgumentTypeError} If `activation` or `derivative` is not a string.
 * @throws {ArgumentRangeError} If `activation` is empty or longer than `MAX_ACTIVATION_LENGTH`, a built-in gets
 *   wrong parameters, or the text is not a built-in.
 * @example
 * ```ts
 * const relu = resolveActivation('relu');
 * relu.phi.fn(-1); // 0
 * resolveActivation('leaky_relu(0.2)').phi.fn(-1); // -0.2
 * ```
 */
export function resolveActivation(activation: string, derivative?: string): Activation {
  if (typeof activation !== 'string') {
    throw argumentError('type', FN, 'activation', 'a built-in name or a mathjs expression in x', activation);
  }
  if (derivative !== undefined && typeof derivative !== 'string') {
    throw argumentError('type', FN, 'derivative', 'a mathjs expression in x', derivative);
  }
  if (activation.trim() === '' || activation.length > MAX_ACTIVATION_LENGTH) {
    throw argumentError(
      'range',
      FN,
      'activation',
      `a non-empty string of ≤ ${MAX_ACTIVATION_LENGTH} characters`,
      activation,
    );
  }
  const parsed = parseBuiltin(FN, 'activation', activation);
  if (parsed) {
    if (derivative !== undefined) {
      throw argumentError(
        'range',
        FN,
        'derivative',
        `omitted for the built-in \`${parsed.definition.canonical}\` (it has its own derivative)`,
        derivative,
      );
    }
    return builtinActivation(parsed);
  }
  const key = `${activation}\u0000${derivative ?? ''}`;
  const cached = CACHE.get(key);
  if (cached) return cached;
  const resolved = resolveExpression(activation, derivative);
  if (CACHE.size >= CACHE_SIZE) CACHE.clear();
  CACHE.set(key, resolved);
  return resolved;
}
