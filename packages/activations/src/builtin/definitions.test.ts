import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIG_REFERENCE, big } from '../../test/big-reference.ts';
import { BUILTIN_ACTIVATIONS } from '../builtin-activations.ts';
import { resolveActivation } from '../resolve-activation.ts';

const EPS = 2 ** -52;
/** Test points: a dense grid on [−30, 30], small and huge magnitudes, and the tails where naive forms fail. */
const POINTS: readonly number[] = [
  ...Array.from({ length: 301 }, (_, i) => -30 + i * 0.2),
  ...[1e-300, 1e-100, 1e-12, 1e-8, 1e-4, 0.013, 0.7518, 1.2785, 37, 45, 50, 80, 100, 300, 700].flatMap(
    (v) => [v, -v],
  ),
];

/**
 * Largest error of `f` against the 60-digit reference F in units of ε·(|F(x)| + |x F'(x)|): the rounding error
 * of a float64 evaluation is a few ε|F| plus the propagated rounding of the input, ε·|x F'(x)| (the condition
 * number of F at x times |F|). Measured: ≤ 2.2 units for every built-in (printed below); the bound is 4. A wrong formula or a
 * cancellation shows up as 1e3 and more.
 */
type Big = ReturnType<typeof big>;
function maxScaledError(
  f: (x: number) => number,
  F: (x: Big) => Big,
  dF: ((x: Big) => Big) | undefined,
  points: readonly number[],
): { worst: number; at: number } {
  let worst = 0;
  let at = Number.NaN;
  for (const x of points) {
    const X = big(x);
    const ref = F(X);
    // F' exactly where known, else a 60-digit central difference with a step relative to x.
    const h = big(1e-20).times(x === 0 ? 1 : Math.abs(x));
    const slope = dF
      ? dF(X)
      : F(X.plus(h))
          .minus(F(X.minus(h)))
          .div(h.times(2));
    const scale = ref.abs().plus(X.times(slope).abs()).toNumber();
    const refNumber = ref.toNumber();
    const value = f(x);
    if (scale < 1e-290) {
      // Below the float64 range where errors are meaningful: the value must underflow to (almost) 0.
      expect(Math.abs(value)).toBeLessThan(1e-280);
      continue;
    }
    const err = Math.abs(value - refNumber) / (EPS * scale);
    if (!(err <= worst)) {
      worst = err;
      at = x;
    }
  }
  return { worst, at };
}

describe("built-in φ and φ' against 60-digit references", () => {
  it.each(Object.keys(BIG_REFERENCE))(
    'resolveActivation(%s).phi.fn is correctly rounded up to a few ε',
    (name) => {
      const [F, dF] = BIG_REFERENCE[name] as (typeof BIG_REFERENCE)[string];
      const a = resolveActivation(name);
      const points = name === 'exp' ? POINTS.filter((x) => x < 709) : POINTS;
      const { worst, at } = maxScaledError(a.phi.fn, F, dF, points);
      console.log(`${name}: φ worst ${worst.toFixed(2)} at ${at}`);
      expect(worst, `worst at x = ${at}`).toBeLessThan(4);
    },
  );

  it.each(Object.keys(BIG_REFERENCE))(
    'resolveActivation(%s).dphi.fn is correctly rounded up to a few ε',
    (name) => {
      const [, dF] = BIG_REFERENCE[name] as (typeof BIG_REFERENCE)[string];
      const a = resolveActivation(name);
      const points = name === 'exp' ? POINTS.filter((x) => x < 709) : POINTS;
      const { worst, at } = maxScaledError(a.dphi.fn, dF, undefined, points);
      console.log(`${name}: φ' worst ${worst.toFixed(2)} at ${at}`);
      expect(worst, `worst at x = ${at}`).toBeLessThan(4);
    },
  );

  it('resolveActivation(piecewise-linear built-ins) match their definitions exactly', () => {
    const SEED = 7;
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (x, a) => {
          // +0 normalises −0: a·x with a = −0 and a = 0 differ only in the sign of zero.
          const z = (v: number): number => v + 0;
          expect(z(resolveActivation('relu').phi.fn(x))).toBe(z(x > 0 ? x : 0));
          expect(resolveActivation('relu').dphi.fn(x)).toBe(x > 0 ? 1 : 0);
          expect(z(resolveActivation(`leaky_relu(${a})`).phi.fn(x))).toBe(z(x >= 0 ? x : a * x));
          expect(z(resolveActivation(`abrelu(${a}, 2)`).phi.fn(x))).toBe(z(x >= 0 ? 2 * x : a * x));
          expect(z(resolveActivation(`abrelu(${a}, 2)`).dphi.fn(x))).toBe(z(x > 0 ? 2 : a));
          expect(resolveActivation('step').phi.fn(x)).toBe(x >= 0 ? 1 : 0);
          expect(resolveActivation('step').dphi.fn(x)).toBe(0);
          expect(z(resolveActivation('sign').phi.fn(x))).toBe(x > 0 ? 1 : x < 0 ? -1 : 0);
          expect(resolveActivation('linear').phi.fn(x)).toBe(x);
          expect(resolveActivation('linear').dphi.fn(x)).toBe(1);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('resolveActivation(name).phi.fn propagates NaN for every built-in', () => {
    for (const name of BUILTIN_ACTIVATIONS) {
      expect(resolveActivation(name).phi.fn(Number.NaN), name).toBeNaN();
      expect(resolveActivation(name).dphi.fn(Number.NaN), name).toBeNaN();
    }
  });
});

describe("built-in φ' against central differences of φ", () => {
  // h = 1e-5·max(1,|x|): truncation h²|φ'''|/6 ≲ 2e-11·|φ'''|, rounding ≈ ε|φ|/h ≈ 2e-11·|φ|; tolerance 1e-8
  // relative to max(1, |φ'|) leaves a margin of 100 for |φ'''| and |φ| up to a few units on [−6, 6].
  const grid = Array.from({ length: 241 }, (_, i) => -6 + i * 0.05 + 0.0123);
  it.each(BUILTIN_ACTIVATIONS)(
    'resolveActivation(%s).dphi.fn equals the derivative of phi.fn away from kinks',
    (name) => {
      const a = resolveActivation(name);
      for (const x of grid) {
        if (a.kinks.some((k) => Math.abs(x - k) < 1e-3)) continue;
        const h = 1e-5 * Math.max(1, Math.abs(x));
        const fd = (a.phi.fn(x + h) - a.phi.fn(x - h)) / (2 * h);
        const d = a.dphi.fn(x);
        expect(Math.abs(d - fd), `${name} at ${x}`).toBeLessThan(1e-8 * Math.max(1, Math.abs(d)));
      }
    },
  );
});
