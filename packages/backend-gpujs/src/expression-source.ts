import { argumentError, type UnaryOp } from '@ntk/core';

/** `Math` members a {@link @ntk/core!UnaryOp} source may use (functions gpu.js translates on every backend, and constants). */
const MATH_MEMBERS: ReadonlySet<string> = new Set([
  'abs',
  'acos',
  'acosh',
  'asin',
  'asinh',
  'atan',
  'atan2',
  'atanh',
  'cbrt',
  'ceil',
  'cos',
  'cosh',
  'exp',
  'expm1',
  'floor',
  'log',
  'log10',
  'log1p',
  'log2',
  'max',
  'min',
  'pow',
  'round',
  'sign',
  'sin',
  'sinh',
  'sqrt',
  'tan',
  'tanh',
  'trunc',
  'E',
  'LN2',
  'LN10',
  'LOG2E',
  'LOG10E',
  'PI',
  'SQRT1_2',
  'SQRT2',
]);

// One token: a number literal, `Math.name`, the variable `x`, an operator or punctuation, or white space.
const TOKEN =
  /\s+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|Math\.[A-Za-z0-9_]+|x(?![A-Za-z0-9_$])|===|!==|==|!=|<=|>=|&&|\|\||[-+*/%()?:<>!,]/y;

const EXPECTED =
  'a JavaScript expression in `x` made of number literals, arithmetic, comparisons, `?:`, parentheses and `Math.*` functions';

/**
 * Checks that a {@link @ntk/core!UnaryOp}'s `source` is an expression the gpu.js kernels may splice in verbatim: only the
 * variable `x`, number literals, arithmetic/comparison/logical operators, `?:`, parentheses, commas and a fixed
 * list of `Math` members. Anything else (other identifiers, `**`, assignments, strings, brackets, statements)
 * is rejected, so nothing but arithmetic can reach the generated kernel text.
 *
 * @param fn - Function name for messages (`gpujs.map`).
 * @param op - The op.
 * @returns The trimmed source.
 * @throws {ArgumentRangeError} If the source is empty or contains anything outside that grammar.
 * @internal
 */
export function checkExpressionSource(fn: string, op: UnaryOp): string {
  const src = op.source.trim();
  if (src.length === 0) throw argumentError('range', fn, 'op.source', EXPECTED, op.source);
  if (/\*\s*\*/.test(src)) {
    throw argumentError('range', fn, 'op.source', `${EXPECTED} (use Math.pow instead of \`**\`)`, op.source);
  }
  let depth = 0;
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (m === null || m.index !== pos) {
      throw argumentError('range', fn, 'op.source', `${EXPECTED} (unexpected text at ${pos})`, op.source);
    }
    const t = m[0];
    if (t.startsWith('Math.') && !MATH_MEMBERS.has(t.slice(5))) {
      throw argumentError('range', fn, 'op.source', `${EXPECTED} (\`${t}\` is not supported)`, op.source);
    }
    if (t === '(') depth++;
    else if (t === ')' && --depth < 0) break;
    pos += t.length;
  }
  if (depth !== 0) {
    throw argumentError('range', fn, 'op.source', `${EXPECTED} (unbalanced parentheses)`, op.source);
  }
  return src;
}

/**
 * The gpu.js kernel text of an elementwise map y_i = f(x_i) over a flat array, f given by an expression source.
 * `x` is bound to the element, so the source is spliced unchanged.
 *
 * @param source - A source accepted by {@link checkExpressionSource}.
 * @returns Kernel function text with one argument (the flat input).
 * @internal
 */
export function mapKernelSource(source: string): string {
  return `function (a) {\n  const x = a[this.thread.x];\n  return ${source};\n}`;
}
