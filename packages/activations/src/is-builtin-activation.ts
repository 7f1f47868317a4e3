import { builtinDefinition } from './builtin/parse-builtin.ts';

/**
 * Whether `name` is the name of a built-in activation (case-insensitive, surrounding whitespace ignored; `silu`
 * counts). Parameters are not part of the name: `isBuiltinActivation('leaky_relu')` is true,
 * `isBuiltinActivation('leaky_relu(0.1)')` is false (use `resolveActivation` to parse calls).
 *
 * @param name - Candidate name.
 * @returns `true` for one of {@link BUILTIN_ACTIVATIONS}.
 * @example
 * ```ts
 * isBuiltinActivation('GELU'); // true
 * isBuiltinActivation('tanh(x)'); // false
 * ```
 */
export function isBuiltinActivation(name: string): boolean {
  return typeof name === 'string' && builtinDefinition(name.trim()) !== undefined;
}
