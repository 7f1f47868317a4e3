import fc from 'fast-check';
import { all, create } from 'mathjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileExpression } from '../compile-expression.ts';
import { compileExpr } from './compile-expr.ts';
import { fromMathjs } from './from-mathjs.ts';
import { interpret } from './interpret.ts';
import { mathjs } from './mathjs-instance.ts';

// Random expressions from the whitelist (no ==/!=: mathjs compares with a relative tolerance, JS exactly).
const UNARY = [
  'abs',
  'sign',
  'exp',
  'log',
  'sqrt',
  'sin',
  'cos',
  'tan',
  'atan',
  'sinh',
  'cosh',
  'tanh',
  'sech',
];
const UNARY_MORE = [
  'asinh',
  'cbrt',
  'log1p',
  'expm1',
  'erf',
  'asin',
  'acos',
  'csc',
  'sec',
  'cot',
  'coth',
  'csch',
];
const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant('x'),
    fc.constantFrom('pi', 'e', '2', '0.5', '3', '1e-3'),
    fc.tuple(fc.constantFrom(...UNARY, ...UNARY_MORE), tie('e')).map(([f, a]) => `${f}(${a})`),
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e'))
      .map(([a, op, b]) => `(${a}) ${op} (${b})`),
    tie('e').map((a) => `-(${a})`),
    fc.tuple(fc.constantFrom('max', 'min', 'pow'), tie('e'), tie('e')).map(([f, a, b]) => `${f}(${a}, ${b})`),
    fc
      .tuple(tie('e'), fc.constantFrom('<', '>', '<=', '>='), tie('e'), tie('e'), tie('e'))
      .map(([a, c, b, t, f]) => `(${a}) ${c} (${b}) ? (${t}) : (${f})`),
  ),
})).e;

const reference = create(all);
const XS = [-2.7, -1, -0.3, 0, 0.45, 1.3, 3.1];
const SEED = 31337;

/** Equal to 1e-12 relative (floor 1e-300), or both NaN, or the same infinity. */
function same(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

describe('generated code (emit) against independent evaluators', () => {
  it(`compileExpression(random whitelisted text).fn equals mathjs evaluate where mathjs gives a real (seed ${SEED})`, () => {
    let compared = 0;
    fc.assert(
      fc.property(expression, (text) => {
        fc.pre(text.length <= 500);
        const c = compileExpression(text);
        const node = reference.parse(text);
        for (const x of XS) {
          let expected: unknown;
          try {
            expected = node.evaluate({ x });
          } catch {
            continue;
          }
          if (typeof expected === 'boolean') expected = Number(expected);
          if (typeof expected !== 'number') continue; // complex results (log of a negative, …): JS gives NaN
          const got = c.fn(x);
          // NaN in JS where mathjs is real: a complex intermediate (abs(acos(−2.7))) that mathjs carries through.
          if (Number.isNaN(got)) continue;
          // mathjs's own erf/cbrt/sign/etc. may differ from ours in the last bits; amplified by nesting.
          expect(
            same(got, expected) || Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
            `${text} at ${x}`,
          ).toBe(true);
          compared++;
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it(`compileExpression(random text).fn equals the closure interpreter bit for bit (seed ${SEED + 1})`, () => {
    fc.assert(
      fc.property(expression, (text) => {
        fc.pre(text.length <= 500);
        const expr = fromMathjs(mathjs().parse(text));
        const fn = compileExpr(expr).fn;
        const closure = interpret(expr);
        for (const x of XS)
          expect(Object.is(fn(x), closure(x)) || fn(x) === closure(x), `${text} at ${x}`).toBe(true);
      }),
      { seed: SEED + 1, numRuns: 400 },
    );
  });

  it(`compileExpression(random text).source, evaluated in float64, equals fn to 1e-6 (seed ${SEED + 2})`, () => {
    // Sources differ from fn only by float32-oriented forms (erf fit: 1.2e-7; tanh via 2/(1+e^{−2a}) − 1:
    // absolute 2e-16; cbrt, log1p, expm1 rewrites): 1e-6·max(1, |fn|) catches structural errors, which are O(1).
    fc.assert(
      fc.property(expression, (text) => {
        fc.pre(text.length <= 500);
        const c = compileExpression(text);
        const f = new Function('x', `return ${c.source};`) as (x: number) => number;
        for (const x of XS) {
          const a = c.fn(x);
          const b = f(x);
          if (!Number.isFinite(a) || Math.abs(a) > 1e6) continue;
          expect(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a)), `${text} at ${x}: ${a} vs ${b}`).toBe(
            true,
          );
        }
      }),
      { seed: SEED + 2, numRuns: 400 },
    );
  });
});

describe('compileExpression without new Function (Content Security Policy)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  it('compileExpression falls back to the closure interpreter when new Function throws EvalError', () => {
    vi.stubGlobal('Function', function forbidden() {
      throw new EvalError('Refused to evaluate a string as JavaScript (CSP)');
    });
    const c = compileExpression('x * tanh(x) + erf(x)');
    expect(c.fn(0.7)).toBe(0.7 * Math.tanh(0.7) + 0.6778011938374184);
  });
});
