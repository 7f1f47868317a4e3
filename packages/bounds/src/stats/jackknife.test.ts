import { key, normal } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { jackknife } from './jackknife.ts';

const mean = (xs: Float64Array): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('jackknife', () => {
  it('jackknife(samples, mean) with leave-one-out equals the textbook s/√n exactly', () => {
    // For the mean, θ₍i₎ − θ̄ = (x̄ − x_i)/(n − 1), so (n−1)/n Σ(θ₍i₎ − θ̄)² = s²/n.
    const xs = [1, 4, 2, 8, 5, 7];
    const n = xs.length;
    const m = xs.reduce((a, b) => a + b, 0) / n;
    const s2 = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
    const e = jackknife(xs, mean, { groups: n });
    expect(e.value).toBeCloseTo(m, 14);
    expect(e.standardError).toBeCloseTo(Math.sqrt(s2 / n), 13);
    expect(e.samples).toBe(n);
  });
  it('jackknife(samples, ratio) matches the delta-method error of E[x²]/E[x]² (seed 11)', () => {
    // x ~ 1 + 0.5·N(0,1): m1 = 1, m2 = 1.25, ratio r = 1.25. Delta method with g(m1, m2) = m2/m1²:
    // ∇g = (−2m2/m1³, 1/m1²) = (−2.5, 1); Var x = 0.25, Cov(x, x²) = E x³ − m1 m2 = 1.75 − 1.25 = 0.5,
    // Var x² = E x⁴ − m2² = (1 + 6·0.25 + 3·0.0625) − 1.5625 = 1.125.
    // Var r ≈ [6.25·0.25 − 2·2.5·0.5 + 1.125]/n = 0.2375/n.
    const n = 20000;
    const z = normal(key(11), n);
    const xs = Array.from(z, (v) => 1 + 0.5 * v);
    const ratio = (s: Float64Array): number => {
      let a = 0;
      let b = 0;
      for (const v of s) {
        a += v;
        b += v * v;
      }
      return b / s.length / (a / s.length) ** 2;
    };
    const e = jackknife(xs, ratio, { groups: 100 });
    console.log('jackknife ratio (seed 11):', e.value, '±', e.standardError);
    expect(e.value).toBeCloseTo(1.25, 1);
    // The group jackknife's SE has its own relative error ≈ 1/√(2(G−1)) ≈ 7% with G = 100.
    expect((e.standardError as number) / Math.sqrt(0.2375 / n)).toBeGreaterThan(0.75);
    expect((e.standardError as number) / Math.sqrt(0.2375 / n)).toBeLessThan(1.25);
  });
  it('jackknife is deterministic and defaults to min(n, 50) groups', () => {
    const xs = Array.from(normal(key(3), 500));
    const a = jackknife(xs, mean);
    const b = jackknife(xs, mean, { groups: 50 });
    expect(a).toEqual(b);
  });
  it('jackknife rejects too few or non-finite samples, bad groups and non-finite statistics', () => {
    expect(() => jackknife([1], mean)).toThrow(/jackknife: invalid argument. `samples`/);
    expect(() => jackknife([1, Number.NaN], mean)).toThrow(/samples\[1\]/);
    expect(() => jackknife([1, 2, 3], mean, { groups: 4 })).toThrow(/options.groups/);
    expect(() => jackknife([1, 2, 3], mean, { groups: 1 })).toThrow(/options.groups/);
    expect(() => jackknife([0, 0, 1], (s) => 1 / s[0]!)).toThrow(/statistic/);
  });
});
