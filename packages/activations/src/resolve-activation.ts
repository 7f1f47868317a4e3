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
 * Resolves an activation given by name or by expression into φ and φ' ready to run: float64 functions (`fn`) and
 * one-expression JavaScript sources (`source`, float32-safe, for gpu.js), plus TeX, kinks and parameters.
 *
 * - **Built-in**: a bare name (`relu`, `tanh`, `gelu`, …; case-insensitive, whitespace ignored) or a name with
 *   numeric parameters: `leaky_relu(a)` = a·x (x < 0), x (x ≥ 0), default a = 0.01; `abrelu(a, b)` = a·x (x < 0),
 *   b·x (x ≥ 0), defaults 0.01 and 1; `elu(alpha)` = α(eˣ − 1) (x ≤ 0), x (x > 0), default 1. `silu` resolves to
 *   `swish`. At a kink φ' takes its left-hand value (relu'(0) = 0, leaky'(0) = a); step and sign have φ' = 0, the
 *   derivative almost everywhere, which is what the NTK recursion uses (E[φ'(u)φ'(v)] = 0 for them).
 * - **Expression**: an untrusted mathjs expression in `x` (see {@link compileExpression} for the whitelist). φ'
 *   is found once by mathjs `derivative`, or taken from `derivative` when given (then it is used even where mathjs
 *   could differentiate). φ must be finite at probe points on [−8, 8] and φ' there and at the kinks; φ' must agree
 *   with central differences of φ to 1e-4 relative at eleven generic points away from kinks, else it is rejected.
 *   Kinks are the zeros on [−1e4, 1e4] of the arguments of abs, sign, sqrt, cbrt, of max/min differences, of
 *   comparisons and of conditions (sign changes found on a grid and bisected; at most 64, nearest 0 first).
 *   Results are cached by text (256 entries); the returned objects are frozen.
 *
 * @param activation - A built-in name or call (see {@link BUILTIN_ACTIVATIONS}) or a mathjs expression in `x`,
 *   at most `MAX_ACTIVATION_LENGTH` (500) characters.
 * @param derivative - For expressions only: φ' as a mathjs expression in `x` (required where mathjs cannot
 *   differentiate: erf, max, min, sign, comparisons, conditionals).
 * @returns The frozen {@link Activation}.
 * @throws {ArgumentTypeError} If `activation` or `derivative` is not a string.
 * @throws {ArgumentRangeError} If `activation` is empty or too long; a built-in gets wrong parameters or a
 *   `derivative`; an expression is off the whitelist (naming the node), constant, nested > 100 levels, not finite
 *   on ℝ, or has no symbolic derivative and none is given; a derivative is invalid, non-finite, or disagrees with
 *   central differences of φ.
 * @example
 * ```ts
 * resolveActivation('relu').phi.fn(-1); // 0
 * resolveActivation('leaky_relu(0.2)').phi.fn(-1); // -0.2
 * resolveActivation('x/(1+exp(-x))').derivativeExpression; // '(1 + exp(-x) + x * exp(-x)) / (1 + exp(-x)) ^ 2'
 * resolveActivation('max(x, 0)', 'x > 0 ? 1 : 0').kinks; // [0]
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
