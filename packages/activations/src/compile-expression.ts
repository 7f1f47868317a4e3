import { argumentError } from '@ntk/core';
import { compileExpr } from './expression/compile-expr.ts';
import { EXPECTED, parseExpression } from './expression/parse-expression.ts';
import { ExpressionRejection } from './expression/rejection.ts';
import { toMathjs } from './expression/to-mathjs.ts';

/** A compiled expression: see {@link compileExpression}. */
export interface CompiledExpression {
  /** The function in float64, generated JavaScript (or a closure tree where `new Function` is forbidden). */
  readonly fn: (x: number) => number;
  /** One JavaScript expression in `x` using `Math.*`, numbers, arithmetic, comparisons and `?:` (for gpu.js). */
  readonly source: string;
  /** TeX of the expression (mathjs `toTex`). */
  readonly tex: string;
  /** The normalised mathjs text (whitespace and redundant parentheses removed). */
  readonly text: string;
}

const FN = 'compileExpression';

/**
 * Compiles an untrusted mathjs expression in `x` to JavaScript, safely: the text is parsed by mathjs (no
 * evaluation), the tree is checked against a whitelist (finite numbers, `x`, `pi`, `e`, `+ - * / ^`, unary
 * minus, comparisons `< > <= >= == !=`, `c ? a : b`, and the functions abs, sign, exp, expm1, log, log1p,
 * log2, log10, sqrt, cbrt, sin, cos, tan, sec, csc, cot, asin, acos, atan, sinh, cosh, tanh, sech, csch, coth,
 * asinh, acosh, atanh, erf, max, min, pow), and code is generated from that tree only — so no user text other
 * than numbers reaches the generated code. A comparison is 1 when true and 0 when false.
 * Constant expressions are accepted here (e.g. a derivative `0`).
 *
 * @param text - The expression, at most `MAX_ACTIVATION_LENGTH` (500) characters.
 * @returns `{ fn, source, tex, text }`.
 * @throws {ArgumentTypeError} If `text` is not a string.
 * @throws {ArgumentRangeError} If it is empty, too long, not parseable, uses anything off the whitelist
 *   (naming the offending node), or is nested deeper than 100 levels.
 * @example
 * ```ts
 * const { fn, source } = compileExpression('x / (1 + exp(-x))');
 * fn(1); // 0.7310585786300049
 * source; // '(x / (1.0 + Math.exp((-x))))'
 * ```
 */
export function compileExpression(text: string): CompiledExpression {
  const { expr } = parseExpression(FN, 'text', text);
  try {
    const { fn, source } = compileExpr(expr);
    const node = toMathjs(expr);
    return Object.freeze({ fn, source, tex: node.toTex(), text: node.toString() });
  } catch (error) {
    if (error instanceof ExpressionRejection)
      throw argumentError('range', FN, 'text', `${EXPECTED}: ${error.message}`, text);
    throw error;
  }
}
