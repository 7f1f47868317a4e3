import { resolveActivation } from '@ntk/activations';
import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/moments.json' with { type: 'json' };
import { activationMoments } from './activation-moments.ts';

// Reference values from scripts/make-fixtures.ts, computed without this package's code: polar-coordinate
// quadrature (exact radial integral) for the positively homogeneous activations, and a 2-D trapezoid rule
// (geometric convergence for entire integrands) for the smooth ones. Both are accurate to ~1e-14.
// Errors are measured relative to the scale √(E φ(u)² E φ(v)²) of the kernel entry, so that entries that vanish
// (E[sin u sin v] at ρ = 0) are not divided by zero.
interface Row {
  activation: string;
  q1: number;
  q2: number;
  rho: number;
  phiphi: number;
  dphidphi: number;
  scalePhi: number;
}
const rows = (fixture as { moments: Row[] }).moments;

describe('activationMoments(act).pair — closed forms against independent quadrature', () => {
  it.each(rows.map((r) => [`${r.activation} q=(${r.q1}, ${r.q2}) ρ=${r.rho}`, r] as const))(
    '%s: E[φφ] and E[φ′φ′] agree to 1e-12 relative',
    (_name, r) => {
      const m = activationMoments(resolveActivation(r.activation), 'closed-form');
      expect(m.method).toBe('closed-form');
      const out = new Float64Array(3);
      m.pair(r.q1, r.q2, 1 - r.rho, out);
      expect(Math.abs((out[0] as number) - r.phiphi)).toBeLessThanOrEqual(
        1e-12 * Math.max(r.scalePhi, Math.abs(r.phiphi)),
      );
      // E[φ′φ′] is O(1) in every case here, or exactly 0 (sign, step, cos at ρ = 0): relative to max(|ref|, 1).
      expect(Math.abs((out[2] as number) - r.dphidphi)).toBeLessThanOrEqual(
        1e-12 * Math.max(Math.abs(r.dphidphi), 1),
      );
      // gap = √(E φ(u)² E φ(v)²) − E φ(u)φ(v), computed without cancellation.
      expect(Math.abs((out[1] as number) - (r.scalePhi - r.phiphi))).toBeLessThanOrEqual(1e-12 * r.scalePhi);
    },
  );
});

describe('activationMoments(act, "quadrature") — the generic path against the closed forms', () => {
  const smooth = ['erf', 'sin', 'cos', 'exp', 'linear'];
  it.each(
    rows
      .filter((r) => r.rho > -0.999)
      .map((r) => [`${r.activation} q=(${r.q1}, ${r.q2}) ρ=${r.rho}`, r] as const),
  )('%s: within 1e-10 (smooth) or 1e-8 (kinked) of the reference', (_name, r) => {
    const m = activationMoments(resolveActivation(r.activation), 'quadrature');
    expect(m.method).toBe('quadrature');
    const out = new Float64Array(3);
    m.pair(r.q1, r.q2, 1 - r.rho, out);
    const tol = smooth.includes(r.activation) ? 1e-10 : 1e-8;
    expect(Math.abs((out[0] as number) - r.phiphi)).toBeLessThanOrEqual(tol * r.scalePhi);
    expect(Math.abs((out[2] as number) - r.dphidphi)).toBeLessThanOrEqual(
      tol * Math.max(Math.abs(r.dphidphi), 1),
    );
  });
  it('expression activations reach the same accuracy: max(x, 0) with its derivative, x*x and sin(x) as text', () => {
    const cases: Array<[string, string | undefined, string]> = [
      ['max(x, 0)', 'x > 0 ? 1 : 0', 'relu'],
      ['sin(x)', undefined, 'sin'],
      ['2*x', undefined, 'linear'],
    ];
    for (const [expr, deriv, ref] of cases) {
      const m = activationMoments(resolveActivation(expr, deriv));
      expect(m.method).toBe('quadrature');
      for (const r of rows.filter((x) => x.activation === ref)) {
        const out = new Float64Array(3);
        m.pair(r.q1, r.q2, 1 - r.rho, out);
        const k = ref === 'linear' ? 4 : 1; // (2x)(2x') = 4 x x'
        const tol = ref === 'relu' ? 1e-8 : 1e-10;
        expect(Math.abs((out[0] as number) - k * r.phiphi)).toBeLessThanOrEqual(tol * k * r.scalePhi);
        expect(Math.abs((out[2] as number) - k * r.dphidphi)).toBeLessThanOrEqual(
          tol * Math.max(k * Math.abs(r.dphidphi), 1),
        );
      }
    }
  });
});

describe('activationMoments errors', () => {
  it('rejects an unknown method and a closed form that does not exist', () => {
    expect(() => activationMoments(resolveActivation('relu'), 'magic' as never)).toThrow(RangeError);
    expect(() => activationMoments(resolveActivation('tanh'), 'closed-form')).toThrow(/closed form/);
  });
});
