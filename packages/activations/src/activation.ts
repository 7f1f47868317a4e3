import type { ActivationOps } from '@ntk/core';
import type { BuiltinActivationName } from './builtin-activations.ts';

/**
 * A resolved activation φ: φ and φ' as runnable {@link @ntk/core!UnaryOp}s (float64 `fn`, and a one-expression JavaScript
 * `source` for code-generating float32 backends), plus what the analytic code and the playground need.
 * Built by {@link resolveActivation}.
 *
 * @example
 * ```ts
 * const act: Activation = resolveActivation('leaky_relu(0.1)');
 * act.phi.fn(-2); // -0.2
 * act.kinks; // [0]
 * ```
 */
export interface Activation extends ActivationOps {
  /** `'builtin'` for a named activation, `'expression'` for a mathjs expression in `x`. */
  readonly kind: 'builtin' | 'expression';
  /** Canonical built-in name (`silu` resolves to `'swish'`); absent for expressions. */
  readonly builtin?: BuiltinActivationName;
  /** Parameters of a built-in: `{ a, b }` for `leaky_relu` (b = 1) and `abrelu`, `{ alpha }` for `elu`, `{}` otherwise. */
  readonly params: Readonly<Record<string, number>>;
  /** mathjs text of φ (normalised for expressions; set for built-ins that have one). */
  readonly expression?: string;
  /** mathjs text of φ' (the symbolic or user-given derivative; set for built-ins that have one). */
  readonly derivativeExpression?: string;
  /** TeX of φ and φ'. */
  readonly tex: { readonly phi: string; readonly dphi: string };
  /** Sorted points where φ or φ' is not smooth (relu: `[0]`); `[]` when φ is smooth. Quadrature splits there. */
  readonly kinks: readonly number[];
}
