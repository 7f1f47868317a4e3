import { describe, expect, it } from 'vitest';
import { BUILTIN_ACTIVATIONS } from '../builtin-activations.ts';
import { resolveActivation } from '../resolve-activation.ts';

/** Evaluates a `source` the way a code generator would see it (here in float64). */
const run = (source: string): ((x: number) => number) =>
  new Function('x', `return ${source};`) as (x: number) => number;

/** Identifiers gpu.js implements in its shaders; sources must use nothing else. */
const GPU_MATH =
  /^Math\.(abs|exp|log|sqrt|sin|cos|tan|asin|acos|atan|sinh|cosh|asinh|acosh|atanh|pow|sign|max|min)$/;

describe('built-in sources (gpu.js, float32)', () => {
  // Bound: |source − fn| ≤ 2e-7·max(1, |fn|). The float32-oriented approximations (erf/Φ via the Numerical
  // Recipes erfc fit, relative error < 1.2e-7; stable exp forms elsewhere) must meet it in float64 already,
  // so that float32 rounding (≈ 6e-8 relative) is the only other error on a device.
  const grid = [...Array.from({ length: 4001 }, (_, i) => -20 + i * 0.01), -1e3, -100, -50, 50, 100, 1e3];
  it.each(BUILTIN_ACTIVATIONS)(
    'resolveActivation(%s) phi.source and dphi.source agree with fn to 2e-7',
    (name) => {
      const a = resolveActivation(name);
      for (const [op, what] of [
        [a.phi, 'φ'],
        [a.dphi, "φ'"],
      ] as const) {
        const f = run(op.source);
        for (const x of name === 'exp' ? grid.filter((v) => v < 700) : grid) {
          const exact = op.fn(x);
          expect(Math.abs(f(x) - exact), `${name} ${what} at ${x}`).toBeLessThanOrEqual(
            2e-7 * Math.max(1, Math.abs(exact)),
          );
        }
      }
    },
  );

  it.each(BUILTIN_ACTIVATIONS)(
    'resolveActivation(%s) sources are one expression over x and gpu.js Math functions',
    (name) => {
      const a = resolveActivation(name);
      for (const source of [a.phi.source, a.dphi.source]) {
        for (const id of source.match(/[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)?/g) ?? []) {
          if (id !== 'x') expect(id).toMatch(GPU_MATH);
        }
        expect(source).not.toMatch(/[;{}`'"[\]]|=>|\bnew\b/);
        expect(source, 'no assignment').not.toMatch(/(^|[^<>=!])=(?!=)/);
        expect(() => run(source)).not.toThrow();
      }
    },
  );

  it('resolveActivation(stable built-ins) sources stay finite far out, where float32 exp overflows at 88.7', () => {
    for (const name of ['tanh', 'sigmoid', 'softplus', 'swish', 'mish', 'gelu', 'erf']) {
      const a = resolveActivation(name);
      for (const x of [-1e4, -800, -89, 89, 800, 1e4]) {
        expect(Number.isFinite(run(a.phi.source)(x)), `${name} φ at ${x}`).toBe(true);
        expect(Number.isFinite(run(a.dphi.source)(x)), `${name} φ' at ${x}`).toBe(true);
      }
    }
  });
});
