/**
 * An elementwise function y = f(x) that every backend can run: the CPU reference calls `fn`; code-generating
 * backends (gpu.js, WebAssembly) compile `source`, a JavaScript expression in the single variable `x` that
 * uses only arithmetic, numeric literals, `Math.*` functions and the ternary operator. Both must define the
 * same function; the backend conformance suite checks it on a grid.
 *
 * @example
 * ```ts
 * const relu: UnaryOp = { name: 'relu', fn: (x) => (x > 0 ? x : 0), source: '(x > 0 ? x : 0)' };
 * ```
 */
export interface UnaryOp {
  /** Short name, used in caches and messages. */
  readonly name: string;
  /** The function, in float64. */
  readonly fn: (x: number) => number;
  /** The same function as a JavaScript expression in `x` (no statements, no identifiers but `x` and `Math`). */
  readonly source: string;
}

/**
 * A network activation as the finite-network code needs it: φ and φ' as {@link UnaryOp}s.
 * Built by `@ntk/activations` from a built-in name or a mathjs expression.
 */
export interface ActivationOps {
  /** Canonical name (`relu`) or the normalised expression text. */
  readonly name: string;
  /** φ. */
  readonly phi: UnaryOp;
  /** φ'. */
  readonly dphi: UnaryOp;
}
