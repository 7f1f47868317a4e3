import { ArgumentRangeError } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ACTIVATIONS } from '../builtin-activations.ts';
import { compileExpression } from '../compile-expression.ts';
import { resolveActivation } from '../resolve-activation.ts';

/** Moderate range where the textbook forms of the expressions do not overflow (|x| ≤ 20). */
const GRID = Array.from({ length: 401 }, (_, i) => -20 + i * 0.1 + 0.0037);

function maxRelativeGap(f: (x: number) => number, g: (x: number) => number, points = GRID): number {
  let worst = 0;
  for (const x of points)
    worst = Math.max(worst, Math.abs(f(x) - g(x)) / Math.max(1e-300, Math.abs(g(x)), 1e-3));
  return worst;
}

describe('resolveActivation(expression) reproduces the built-ins', () => {
  // Both sides are float64 evaluations of the same function by different formulas: each is good to a few ε
  // relative to max(|value|, 1e-3), except where the textbook form cancels (1 − tanh² style): 1e-12 is the
  // required bound, 1e-10 where the symbolic derivative has such a cancellation (noted per case).
  it("resolveActivation('tanh(x)') equals builtin tanh, and its derivative sech(x)^2 equals tanh' to 1e-12", () => {
    const e = resolveActivation('tanh(x)');
    const b = resolveActivation('tanh');
    expect(e.kind).toBe('expression');
    expect(e.derivativeExpression).toBe('sech(x) ^ 2');
    expect(maxRelativeGap(e.phi.fn, b.phi.fn)).toBeLessThan(1e-15);
    expect(maxRelativeGap(e.dphi.fn, b.dphi.fn)).toBeLessThan(1e-12);
  });

  it("resolveActivation('x/(1+exp(-x))') equals swish, and its symbolic derivative equals swish' to 1e-12", () => {
    const e = resolveActivation('x/(1+exp(-x))');
    const b = resolveActivation('swish');
    expect(maxRelativeGap(e.phi.fn, b.phi.fn)).toBeLessThan(1e-14);
    expect(maxRelativeGap(e.dphi.fn, b.dphi.fn)).toBeLessThan(1e-12);
    expect(e.kinks).toEqual([]);
  });

  // The textbook mish rounds 1 + eˣ before the log: a relative error ε/eˣ in softplus, ≈ 2e-12 of the result
  // near x = −7 (measured 2.2e-12): the bound for mish is 1e-11.
  it("resolveActivation('x*tanh(log(1+exp(x)))') equals mish to 1e-11 (φ and φ')", () => {
    const e = resolveActivation('x*tanh(log(1+exp(x)))');
    const b = resolveActivation('mish');
    expect(maxRelativeGap(e.phi.fn, b.phi.fn)).toBeLessThan(1e-11);
    expect(maxRelativeGap(e.dphi.fn, b.dphi.fn)).toBeLessThan(1e-11);
  });

  it("resolveActivation('log(1+exp(x))') and '1/(1+exp(-x))' equal softplus and sigmoid", () => {
    // log(1 + e^x) loses relative accuracy where e^x < ε (x < −36): compare on [−20, 20] only.
    expect(
      maxRelativeGap(resolveActivation('log(1+exp(x))').phi.fn, resolveActivation('softplus').phi.fn),
    ).toBeLessThan(1e-12);
    expect(
      maxRelativeGap(resolveActivation('log(1+exp(x))').dphi.fn, resolveActivation('softplus').dphi.fn),
    ).toBeLessThan(1e-12);
    expect(
      maxRelativeGap(resolveActivation('1/(1+exp(-x))').dphi.fn, resolveActivation('sigmoid').dphi.fn),
    ).toBeLessThan(1e-12);
  });

  it('resolveActivation(builtin.expression, builtin.derivativeExpression) reproduces every built-in', () => {
    for (const name of BUILTIN_ACTIVATIONS) {
      const b = resolveActivation(name);
      if (!b.expression || !b.derivativeExpression) continue;
      const e = resolveActivation(b.expression, b.derivativeExpression);
      const points = name === 'exp' ? GRID.filter((x) => x < 700) : GRID;
      const bound = name === 'mish' ? 1e-11 : 1e-12;
      expect(maxRelativeGap(e.phi.fn, b.phi.fn, points), name).toBeLessThan(bound);
      expect(maxRelativeGap(e.dphi.fn, b.dphi.fn, points), name).toBeLessThan(bound);
      expect(e.kinks, name).toEqual(b.kinks);
    }
  });

  it("resolveActivation('max(x, 0)', 'x > 0 ? 1 : 0') equals relu, with its kink at 0", () => {
    const e = resolveActivation('max(x, 0)', 'x > 0 ? 1 : 0');
    const b = resolveActivation('relu');
    for (const x of [-3, -1e-300, 0, 1e-300, 2.5]) {
      expect(e.phi.fn(x)).toBe(b.phi.fn(x));
      expect(e.dphi.fn(x)).toBe(b.dphi.fn(x));
    }
    expect(e.kinks).toEqual([0]);
  });

  it('resolveActivation(expression) uses a user derivative even where mathjs finds one', () => {
    const e = resolveActivation('x^2/2', 'abs(x) * sign(x)');
    expect(e.derivativeExpression).toBe('abs(x) * sign(x)');
    expect(e.dphi.fn(-3)).toBe(-3);
  });
});

describe('resolveActivation(expression) details', () => {
  it('resolveActivation normalises the text and provides TeX', () => {
    const e = resolveActivation('  x /(1+ exp( -x ))');
    expect(e.name).toBe('x / (1 + exp(-x))');
    expect(e.expression).toBe(e.name);
    expect(e.tex.phi).toContain('\\frac');
    expect(e.params).toEqual({});
    expect(e.builtin).toBeUndefined();
  });

  it('resolveActivation finds kinks of abs, max, min, comparisons, conditionals and roots', () => {
    expect(resolveActivation('abs(x - 1)').kinks).toEqual([1]);
    expect(
      resolveActivation('min(x, 2) + max(x, -0.5)', '(x < 2 ? 1 : 0) + (x > -0.5 ? 1 : 0)').kinks,
    ).toEqual([-0.5, 2]);
    expect(resolveActivation('x > 0 ? x : 0.1 * x', 'x > 0 ? 1 : 0.1').kinks).toEqual([0]);
    const roots = resolveActivation('abs(x^2 - 2)').kinks;
    expect(roots).toHaveLength(2);
    // Bisection to the last bit of s(x) = x² − 2, whose rounding makes the zero uncertain by ~1 ulp of √2.
    expect(Math.abs((roots[0] as number) + Math.SQRT2)).toBeLessThan(1e-15);
    expect(Math.abs((roots[1] as number) - Math.SQRT2)).toBeLessThan(1e-15);
    expect(resolveActivation('sin(x)').kinks).toEqual([]);
  });

  it('resolveActivation turns the |u|/u derivative of abs into sign(u), finite at the kink', () => {
    const e = resolveActivation('abs(x)');
    expect(e.derivativeExpression).toBe('sign(x)');
    expect(e.dphi.fn(0)).toBe(0);
  });

  it('resolveActivation(expression) source agrees with fn (float64 evaluation of the source)', () => {
    for (const text of ['tanh(x)', 'x/(1+exp(-x))', 'x^3 - 2x', 'exp(-x^2/2)', 'erf(x/sqrt(2))']) {
      const c = compileExpression(text);
      const f = new Function('x', `return ${c.source};`) as (x: number) => number;
      for (const x of GRID.filter((v) => Math.abs(v) < 8)) {
        expect(Math.abs(f(x) - c.fn(x)), `${text} at ${x}`).toBeLessThanOrEqual(
          2e-7 * Math.max(1, Math.abs(c.fn(x))),
        );
      }
    }
  });

  it('resolveActivation returns the same frozen object for the same text (cache)', () => {
    const a = resolveActivation('x*tanh(x)');
    expect(resolveActivation('x*tanh(x)')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe('resolveActivation(expression) errors', () => {
  const cases: [string, string | undefined, RegExp][] = [
    [
      'max(x, 0)',
      undefined,
      /`derivative` must be given: the derivative of `max\(x, 0\)` cannot be found symbolically/,
    ],
    ['erf(x)', undefined, /pass it as `derivative` \(`activationDerivative` in a spec\)/],
    ['sign(x) * x', undefined, /cannot be found symbolically/],
    ['x > 0 ? x : 0', undefined, /cannot be found symbolically/],
    ['2 + pi', undefined, /a function of x \(it is constant\)/],
    [
      'log(x)',
      undefined,
      /`activation` must be an expression finite on all of ℝ \(at x = 0 it gives -Infinity\)/,
    ],
    ['sqrt(x)', undefined, /finite on all of ℝ \(at x = -0.1 it gives NaN\)/],
    ['cbrt(x)', undefined, /φ' = .* is finite on all of ℝ .*pass a derivative/],
    [
      'x^2',
      '3*x',
      /`derivative` must be the derivative of φ: at x = .* gives .* but central differences of φ give/,
    ],
    [
      'x^2',
      'y',
      /`derivative` must be a mathjs expression in x with whitelisted operations only: no symbols/,
    ],
    ['x^2', '1/x', /`derivative` must be such that φ' = 1 \/ x is finite/],
    ['x^2', '', /`derivative` must be a non-empty string/],
    [Array(99).fill('x').join('^'), undefined, /symbolic derivative has at most 20000 nodes/],
  ];
  const labelled = cases.map(
    ([t, d, m]) => [t.length > 40 ? `${t.slice(0, 20)}… (${t.length} chars)` : t, t, d, m] as const,
  );
  it.each(labelled)(
    'resolveActivation(%j, …) throws a clear ArgumentRangeError',
    (_, text, derivative, message) => {
      expect(() => resolveActivation(text, derivative)).toThrow(ArgumentRangeError);
      expect(() => resolveActivation(text, derivative)).toThrow(message);
    },
  );
});

describe('compileExpression', () => {
  it('compileExpression(text) gives fn, source, tex and normalised text', () => {
    const c = compileExpression('x / (1 + exp(-x))');
    expect(c.fn(1)).toBeCloseTo(0.7310585786300049, 15);
    expect(c.text).toBe('x / (1 + exp(-x))');
    expect(c.tex).toBe('\\frac{ x}{1+\\exp\\left(- x\\right)}');
  });

  it('compileExpression accepts constants, e and pi, comparisons and conditionals', () => {
    expect(compileExpression('0').fn(3)).toBe(0);
    expect(compileExpression('e^x').fn(1)).toBe(Math.E);
    expect(compileExpression('pi * x').fn(2)).toBe(2 * Math.PI);
    expect(compileExpression('(x >= 1) + (x == 2)').fn(2)).toBe(2);
    expect(compileExpression('x != 0 ? 1/x : 0').fn(0)).toBe(0);
    expect(compileExpression('erf(x)').fn(0.5)).toBe(0.5204998778130465);
    expect(compileExpression('pow(x, 3)').fn(-2)).toBe(-8);
  });

  it('compileExpression rejects an expression whose generated code would be too long', () => {
    expect(() => compileExpression(`${'erf('.repeat(8)}x${')'.repeat(8)}`)).toThrow(
      /under 200000 characters/,
    );
  });
});
