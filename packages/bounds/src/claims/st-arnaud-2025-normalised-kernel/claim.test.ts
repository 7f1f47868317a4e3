import { foldIn, key, sphere, splitKey } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { evaluateTests } from '../../claim/evaluate-tests.ts';
import type { Budget, Observation } from '../../claim/types.ts';
import { stArnaudProfile } from '../depth-profile/st-arnaud-kernel.ts';
import { cpuContext } from '../monte-carlo/run-grid.ts';
import { stArnaudNormalisedKernelClaim as claim, type StArnaudKernelParams } from './claim.ts';

const SEED = 25110727; // run seed of this file's measurements (printed below)
const ctx = (k: number, budget: Budget = 'quick') => cpuContext(foldIn(key(SEED), k), budget);

/**
 * The paper's recursion written independently (Jacot et al. 2018 parameterisation, no bias, σ_w = 1, ReLU):
 * Σ^{(1)} = u·u′/n₀, Σ^{(l+1)} = √(Σ₁₁Σ₂₂)/(2π)·(sin θ + (π − θ)cos θ), Σ̇^{(l+1)} = (π − θ)/(2π),
 * Θ^{(l+1)} = Σ^{(l+1)} + Θ^{(l)}Σ̇^{(l+1)}, θ = arccos(Σ₁₂/√(Σ₁₁Σ₂₂)); returns n₀·2^{L−1}·Θ^{(L)}/L for L = 1..layers.
 */
function paperKernel(u: number[], v: number[], layers: number): number[] {
  // Carried as S = 2^{l−1}Σ^{(l)} and T = 2^{l−1}Θ^{(l)} so that 2^{−L} does not underflow at L = 2000:
  // S₁₂ ← (√(S₁₁S₂₂)/π)(sin θ + (π − θ)cos θ), S₁₁ and S₂₂ constant, T ← S₁₂ + 2T·Σ̇.
  const n0 = u.length;
  const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0) / n0;
  const s11 = dot(u, u);
  const s22 = dot(v, v);
  let s12 = dot(u, v);
  let t12 = s12;
  const out = [n0 * t12];
  for (let L = 2; L <= layers; L++) {
    const r = Math.sqrt(s11 * s22);
    const th = Math.acos(Math.max(-1, Math.min(1, s12 / r)));
    const sd = (Math.PI - th) / (2 * Math.PI);
    s12 = (r / Math.PI) * (Math.sin(th) + (Math.PI - th) * Math.cos(th));
    t12 = s12 + 2 * t12 * sd;
    out.push((n0 * t12) / L);
  }
  return out;
}

describe('stArnaudNormalisedKernelClaim conventions', () => {
  it('Θ̄ = Θ_ours/(2L) equals the paper’s n₀2^{L−1}Θ^{(L)}/L (independent recursion, L = 1..60 and 2000)', () => {
    const k = key(7);
    const prof = stArnaudProfile(k, 3, 0, 5, 2000);
    // The same points, as unit vectors.
    const x = sphere(splitKey(k, 2)[0]!, 3, 5);
    const unit = (i: number) => Array.from({ length: 5 }, (_, c) => x.get(i, c) / Math.sqrt(5));
    const ref = paperKernel(unit(0), unit(1), 2000);
    for (let L = 1; L <= 60; L++) {
      expect(prof.kernel[L - 1]!.get(0, 1)).toBeCloseTo(ref[L - 1]!, 12);
      expect(prof.kernel[L - 1]!.get(0, 0)).toBeCloseTo(1, 12);
    }
    expect(Math.abs(prof.kernel[1999]!.get(0, 1) - ref[1999]!)).toBeLessThan(1e-8);
  });
  it('predict: the matrix of ones, so the limiting deviation is 0', () => {
    expect(claim.predict(claim.grid.quick[0] as StArnaudKernelParams)).toEqual({ limitDeviation: 0 });
  });
});

describe('stArnaudNormalisedKernelClaim.measure', () => {
  it('measure is reproducible by key (bit-identical) and differs for another key', async () => {
    const p = { points: 4, dimension: 6, maxLayers: 400 };
    const a = await claim.measure(p, ctx(1));
    const b = await claim.measure(p, ctx(1));
    const c = await claim.measure(p, ctx(2));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.values.limitDeviation?.value).not.toBe(a.values.limitDeviation?.value);
  });
});

describe('stArnaudNormalisedKernelClaim.tests', () => {
  const synthetic = (value: number, standardError: number): Observation<StArnaudKernelParams>[] => [
    {
      params: claim.grid.quick[0] as StArnaudKernelParams,
      prediction: { limitDeviation: 0 },
      measurement: { values: { limitDeviation: { value, standardError } } },
    },
  ];
  it('synthetic: limit 0 ± 1e-4 → supported; 0.1 ± 1e-4 → contradicted; 0 ± 1 → inconclusive', () => {
    expect(evaluateTests(claim.tests(synthetic(0, 1e-4), 'quick')).verdict).toBe('supported');
    expect(evaluateTests(claim.tests(synthetic(0.1, 1e-4), 'quick')).verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(0, 1), 'quick')).verdict).toBe('inconclusive');
  });
});

describe('stArnaudNormalisedKernelClaim quick run', () => {
  it('runs the quick grid: predict + measure + tests + evaluateTests (verdict printed)', {
    timeout: 120_000,
  }, async () => {
    const obs: Observation<StArnaudKernelParams>[] = [];
    for (const [i, params] of claim.grid.quick.entries()) {
      obs.push({
        params,
        prediction: claim.predict(params),
        measurement: await claim.measure(params, ctx(100 + i)),
      });
    }
    const ev = evaluateTests(claim.tests(obs, 'quick'));
    console.log(`${claim.id} quick (seed ${SEED}): ${ev.verdict}`);
    for (const t of ev.tests) {
      console.log(
        `  ${t.id}: ${t.value} [${t.interval[0]}, ${t.interval[1]}] accept [${t.accept.lo}, ${t.accept.hi}] → ${t.verdict}`,
      );
    }
    console.log(
      '  off-diagonal range at L max:',
      JSON.stringify(obs[0]?.measurement.settings?.offDiagonalRangeAtMaxLayers),
    );
    expect(['supported', 'contradicted', 'inconclusive']).toContain(ev.verdict);
    for (const t of ev.tests) expect(Number.isFinite(t.value)).toBe(true);
    expect(JSON.parse(JSON.stringify(obs))).toEqual(obs);
    expect(claim.figure(obs).series.length).toBe(2);
  });
});
