/**
 * Activation functions: built-ins and safe mathjs expressions with derivatives, compiled to JavaScript.
 *
 * @packageDocumentation
 * @module @ntk/activations
 */
export type { Activation } from './activation.ts';
export { BUILTIN_ACTIVATIONS, type BuiltinActivationName } from './builtin-activations.ts';
export { type CompiledExpression, compileExpression } from './compile-expression.ts';
export { isBuiltinActivation } from './is-builtin-activation.ts';
export { resolveActivation } from './resolve-activation.ts';
export { erf, erfc } from './special/erf.ts';
