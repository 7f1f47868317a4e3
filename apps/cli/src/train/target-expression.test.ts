import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage-error.ts';
import { compileTarget } from './target-expression.ts';

describe('compileTarget', () => {
  it('evaluates arithmetic, powers, functions and constants of the coordinates', () => {
    expect(compileTarget('sin(3*x1)', 2)([0.5, 9])).toBeCloseTo(Math.sin(1.5), 15);
    expect(compileTarget('x1*x2 - 0.5', 2)([2, 3])).toBe(5.5);
    expect(compileTarget('-x1^2', 1)([3])).toBe(-9); // ^ binds tighter than unary minus (mathjs)
    expect(compileTarget('2^3^2', 1)([0])).toBe(512); // right-associative
    expect(compileTarget('max(x1, x2) + pow(2, 3) + pi - e', 2)([1, 4])).toBeCloseTo(
      12 + Math.PI - Math.E,
      14,
    );
    expect(compileTarget('1.5e1 / (1 + 2) * .5', 1)([0])).toBe(2.5);
    expect(compileTarget('erf(0) + tanh(0) + abs(-x1)', 1)([2])).toBe(2);
  });

  it('rejects unknown names, coordinates beyond d, bad syntax and wrong arities as one-line usage errors', () => {
    const bad: [string, RegExp][] = [
      ['y + 1', /--target: unknown name .* at column 1 \("y"\)/],
      ['x4', /the data have 3 coordinates/],
      ['sin(x1', /expected \)/],
      ['x1 +', /at the end/],
      ['2x1', /unexpected at column 2/],
      ['max(x1)', /max takes 2 arguments, got 1/],
      ['x1 $ 2', /unexpected character "\$" at column 4/],
      ['', /empty expression/],
      ['constructor(x1)', /unknown name/],
      ['x0', /unknown name/],
    ];
    for (const [text, message] of bad) {
      let error: unknown;
      try {
        compileTarget(text, 3);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(UsageError);
      expect((error as Error).message, text).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
