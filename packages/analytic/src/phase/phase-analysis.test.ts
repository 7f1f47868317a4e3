import { fc, test } from '@fast-check/vitest';
import { NumericalError } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { mlpKernels } from '../layers/mlp-kernels.ts';
import { correlationMap, cStar } from './c-star.ts';
import { edgeOfChaos } from './edge-of-chaos.ts';
import { normalizedNtkProfile } from './normalized-ntk-profile.ts';
import { phaseAnalysis } from './phase-analysis.ts';
import { qStar, varianceMap } from './q-star.ts';

const SEED = 2718; // fast-check seed, fixed and printed

// Independent helpers for the references below (not the package's code).
function bisect(f: (x: number) => number, a: number, b: number): number {
  let fa = f(a);
  for (let i = 0; i < 200; i++) {
    const m = 0.5 * (a + b);
    const fm = f(m);
    if (Math.sign(fm) === Math.sign(fa)) {
      a = m;
      fa = fm;
    } else b = m;
  }
  return 0.5 * (a + b);
}
/** E[g(√q z)], z ~ N(0,1), by the trapezoid rule on [−12, 12], h = 0.01 (geometric convergence). */
function gauss1d(g: (x: number) => number, q: number): number {
  let s = 0;
  for (let i = -1200; i <= 1200; i++) {
    const z = i * 0.01;
    s += g(Math.sqrt(q) * z) * Math.exp(-0.5 * z * z);
  }
  return (s * 0.01) / Math.sqrt(2 * Math.PI);
}
// erf: E[erf(√q z)²] = (2/π) asin(2q/(1+2q)), E[erf'(√q z)²] = (4/π)/√(1+4q).
const erfV = (q: number) => (2 / Math.PI) * Math.asin((2 * q) / (1 + 2 * q));
const erfD = (q: number) => 4 / Math.PI / Math.sqrt(1 + 4 * q);

describe('phase analysis: ReLU (exact formulas)', () => {
  test.prop([fc.double({ min: 0.2, max: 1.9, noNaN: true }), fc.double({ min: 0.01, max: 2, noNaN: true })], {
    seed: SEED,
  })('q* = σ_b²/(1 − σ_w²/2), χ₁ = σ_w²/2, c* = 1 (ordered)', (sw2, sb2) => {
    const r = phaseAnalysis('relu', { sigmaW2: sw2, sigmaB2: sb2 });
    expect(r.qStar).toBeCloseTo(sb2 / (1 - sw2 / 2), 10);
    expect(r.chi1).toBe(sw2 / 2);
    expect(r.phase).toBe('ordered');
    expect(r.cStar).toBeCloseTo(1, 12);
    // V(q) = σ_w² q/2 + σ_b², so V' = σ_w²/2 and ξ_q = −1/log(σ_w²/2).
    expect(r.xiQ).toBeCloseTo(-1 / Math.log(sw2 / 2), 6);
  });
  it('the edge of chaos is σ_w² = 2 for every σ_b²; beyond it the variance diverges', () => {
    expect(() => qStar('relu', { sigmaW2: 2.5, sigmaB2: 0.1 })).toThrow(NumericalError);
    for (const p of edgeOfChaos('relu', { sigmaB2Grid: [0, 0.1, 1] })) {
      if (p.sigmaB2 === 0)
        expect(Math.abs(p.sigmaW2 - 2)).toBeLessThan(1e-7); // marginal q*: see edgeOfChaos
      else {
        // With σ_b² > 0 q* → ∞ as σ_w² → 2, so the edge is reached only in the limit.
        expect(Number.isNaN(p.sigmaW2) || Math.abs(p.sigmaW2 - 2) < 1e-6).toBe(true);
      }
    }
    expect(phaseAnalysis('relu', { sigmaW2: 2, sigmaB2: 0 }).phase).toBe('edge-of-chaos');
  });
});

describe('phase analysis: erf against independent root finding', () => {
  test.prop([fc.double({ min: 0.3, max: 4, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true })], {
    seed: SEED,
    numRuns: 30,
  })('q* and χ₁ agree with bisection on the closed forms to 1e-10', (sw2, sb2) => {
    const q = bisect((x) => sw2 * erfV(x) + sb2 - x, 0, 1e6);
    const r = phaseAnalysis('erf', { sigmaW2: sw2, sigmaB2: sb2 });
    expect(Math.abs(r.qStar - q)).toBeLessThanOrEqual(1e-10 * q);
    expect(Math.abs(r.chi1 - sw2 * erfD(q))).toBeLessThanOrEqual(1e-10);
    expect(r.phase).toBe(sw2 * erfD(q) < 1 ? 'ordered' : 'chaotic');
  });
  it('the edge-of-chaos curve matches nested bisection', () => {
    const grid = [0.01, 0.05, 0.2, 0.5];
    const pts = edgeOfChaos('erf', { sigmaB2Grid: grid });
    pts.forEach((p, i) => {
      const sb2 = grid[i] as number;
      const chi = (sw2: number) => sw2 * erfD(bisect((x) => sw2 * erfV(x) + sb2 - x, 0, 1e6)) - 1;
      const ref = bisect(chi, 0.5, 50);
      expect(Math.abs(p.sigmaW2 - ref)).toBeLessThanOrEqual(1e-9 * ref);
      expect(phaseAnalysis('erf', { sigmaW2: p.sigmaW2, sigmaB2: sb2, tolerance: 1e-8 }).phase).toBe(
        'edge-of-chaos',
      );
    });
  });
});

describe('phase analysis: tanh (quadrature path)', () => {
  it('q* and χ₁ agree with an independent 1-D trapezoid quadrature', () => {
    const sw2 = 2;
    const sb2 = 0.1;
    const sech2 = (x: number) => 1 / Math.cosh(x) ** 2;
    const q = bisect((x) => sw2 * gauss1d((u) => Math.tanh(u) ** 2, x) + sb2 - x, 1e-6, 100);
    const r = phaseAnalysis('tanh', { sigmaW2: sw2, sigmaB2: sb2 });
    expect(Math.abs(r.qStar - q)).toBeLessThanOrEqual(1e-9 * q);
    expect(Math.abs(r.chi1 - sw2 * gauss1d((u) => sech2(u) ** 2, q))).toBeLessThanOrEqual(1e-9);
  });
  it('at σ_b² = 0 the edge of chaos is σ_w² = 1 (q* = 0 below it, χ₁ = σ_w²)', () => {
    expect(qStar('tanh', { sigmaW2: 0.8, sigmaB2: 0 })).toBe(0);
    expect(phaseAnalysis('tanh', { sigmaW2: 0.8, sigmaB2: 0 }).chi1).toBeCloseTo(0.8, 12);
    const [p] = edgeOfChaos('tanh', { sigmaB2Grid: [0] });
    expect(p!.sigmaW2).toBeCloseTo(1, 6);
  });
  it('c* = 1 in the ordered phase, c* < 1 and a fixed point of C in the chaotic phase; ξ_c grows towards the edge', () => {
    expect(cStar('tanh', { sigmaW2: 1.2, sigmaB2: 0.3 })).toBeCloseTo(1, 12);
    const chaotic = { sigmaW2: 4, sigmaB2: 0.01 };
    const c = cStar('tanh', chaotic);
    expect(c).toBeLessThan(0.9);
    expect(correlationMap('tanh', chaotic).map(c)).toBeCloseTo(c, 12);
    expect(phaseAnalysis('tanh', chaotic).phase).toBe('chaotic');
    const [edge] = edgeOfChaos('tanh', { sigmaB2Grid: [0.05] });
    const near = phaseAnalysis('tanh', { sigmaW2: edge!.sigmaW2 * 0.98, sigmaB2: 0.05 }).xiC;
    const far = phaseAnalysis('tanh', { sigmaW2: edge!.sigmaW2 * 0.6, sigmaB2: 0.05 }).xiC;
    expect(near).toBeGreaterThan(5 * far);
  });
  it('the correlation map is increasing on [−1, 1]', () => {
    const C = correlationMap('tanh', { sigmaW2: 2, sigmaB2: 0.05 }).map;
    let prev = -Infinity;
    for (let c = -0.99; c <= 1; c += 0.11) {
      const v = C(c);
      expect(v).toBeGreaterThan(prev);
      prev = v;
    }
    expect(varianceMap('tanh', { sigmaW2: 2, sigmaB2: 0.05 })(0)).toBeCloseTo(0.05, 14);
  });
});

describe('normalizedNtkProfile(spec, x1, x2)', () => {
  it('one pass equals separate shallower networks; → 1 in the ordered phase, stays below 1 in the chaotic phase', () => {
    const spec = { activation: 'relu', depth: 30, sigmaW2: 2, sigmaB2: 0.05 };
    const x1 = [1, 0, 0.5];
    const x2 = [0.2, 1, -0.4];
    const prof = normalizedNtkProfile(spec, x1, x2);
    expect(prof).toHaveLength(31);
    for (const l of [1, 5, 31]) {
      const k = mlpKernels({ ...spec, depth: l - 1 }, [x1, x2]).ntk;
      expect(prof[l - 1]).toBeCloseTo(k.get(0, 1) / Math.sqrt(k.get(0, 0) * k.get(1, 1)), 13);
    }
    for (let l = 1; l < 31; l++) expect(prof[l] as number).toBeGreaterThan(prof[l - 1] as number);
    const ordered = normalizedNtkProfile({ activation: 'erf', depth: 40, sigmaW2: 1, sigmaB2: 0.5 }, x1, x2);
    expect(ordered[40] as number).toBeGreaterThan(0.999);
    const chaotic = normalizedNtkProfile(
      { activation: 'tanh', depth: 40, sigmaW2: 4, sigmaB2: 0.01 },
      x1,
      x2,
    );
    expect(chaotic[40] as number).toBeLessThan(0.9);
  });
});

describe('phase analysis errors', () => {
  it('rejects σ_w² ≤ 0, σ_b² < 0, non-finite values and bad activations', () => {
    expect(() => phaseAnalysis('relu', { sigmaW2: 0 })).toThrow(RangeError);
    expect(() => phaseAnalysis('relu', { sigmaW2: 1, sigmaB2: -0.1 })).toThrow(/params.sigmaB2/);
    expect(() => qStar('relu', { sigmaW2: Number.NaN })).toThrow(RangeError);
    expect(() => varianceMap('tanh(y)', { sigmaW2: 1 })).toThrow(RangeError);
    expect(() => phaseAnalysis('relu', null as never)).toThrow(TypeError);
    expect(() => cStar('relu', { sigmaW2: 1, c0: 1 })).toThrow(/options.c0/);
  });
  it('rejects a bad grid or range and mismatched profile inputs', () => {
    expect(() => edgeOfChaos('relu', { sigmaB2Grid: [] })).toThrow(TypeError);
    expect(() => edgeOfChaos('relu', { sigmaB2Grid: [-1] })).toThrow(/sigmaB2Grid\[0\]/);
    expect(() => edgeOfChaos('relu', { sigmaB2Grid: [0], sigmaW2Range: [2, 1] })).toThrow(RangeError);
    expect(() => normalizedNtkProfile({ activation: 'relu', depth: 2 }, [1, 2], [1])).toThrow(
      /shape mismatch/,
    );
    expect(() => normalizedNtkProfile({ activation: 'relu', depth: 2 }, 3 as never, [1])).toThrow(TypeError);
  });
});
