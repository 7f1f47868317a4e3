/** Names of the built-in activations (lower case). `silu` is an alias of `swish` (same function; see README). */
export type BuiltinActivationName =
  | 'relu'
  | 'leaky_relu'
  | 'abrelu'
  | 'step'
  | 'sign'
  | 'erf'
  | 'linear'
  | 'sin'
  | 'cos'
  | 'exp'
  | 'tanh'
  | 'sigmoid'
  | 'softplus'
  | 'gelu'
  | 'swish'
  | 'silu'
  | 'elu'
  | 'mish';

/**
 * Every built-in activation name accepted by `resolveActivation`, in a fixed order (the ones with closed-form
 * Gaussian expectations first). `silu` resolves to the canonical `swish`.
 *
 * @example
 * ```ts
 * for (const name of BUILTIN_ACTIVATIONS) console.log(resolveActivation(name).name);
 * ```
 */
export const BUILTIN_ACTIVATIONS: readonly BuiltinActivationName[] = Object.freeze([
  'relu',
  'leaky_relu',
  'abrelu',
  'step',
  'sign',
  'erf',
  'linear',
  'sin',
  'cos',
  'exp',
  'tanh',
  'sigmoid',
  'softplus',
  'gelu',
  'swish',
  'silu',
  'elu',
  'mish',
] as const);
