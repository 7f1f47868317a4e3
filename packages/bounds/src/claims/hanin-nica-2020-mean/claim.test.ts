import { key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { evaluateTests } from '../../claim/evaluate-tests.ts';
import type { Observation } from '../../claim/types.ts';
import { cpuContext, runGrid } from '../monte-carlo/run-grid.ts';
import { haninNica2020MeanClaim as claim, type HaninNicaMeanParams } from './claim.ts';

const P: HaninNicaMeanParams = { depth: 2, width: 4, inputDim: 4, inputNorm2: 1, networks: 40 };

/** Observations whose measured mean is `factor` × prediction with relative standard error `rse`. */
function synthetic(factor: number, rse: number): Observation<HaninNicaMeanParams>[] {
  return claim.grid.quick.map((params) => {
    const prediction = claim.predict(params);
    const m = (prediction.meanK as number) * factor;
    return {
      params,
      prediction,
      measurement: { values: { meanK: { value: m, standardError: rse * (prediction.meanK as number) } } },
    };
  });
}

describe('hanin-nica-2020-mean', () => {
  it('predict gives d(1/2 + ‖x‖²/n₀) and twice that in our units', () => {
    // By hand: L = 2 → d = 3; ‖x‖²/n₀ = 1 → 3·(0.5 + 1) = 4.5; ours 9.
    // Derivation of ours: per layer E‖∂f/∂z^l‖² = 1 (He ReLU backward), weights 2/n_{l−1}·E‖φ(z^{l−1})‖² =
    // 2/n_{l−1}·n_{l−1}‖x‖²/n₀ = 2 (layer 1: 2/n₀·‖x‖² = 2), bias 1 → 3 per layer, 9 for three layers.
    expect(claim.predict(P)).toEqual({ meanK: 9, meanKHaninNica: 4.5, beta: 0.5 });
    // L = 4, ‖x‖²/n₀ = 0.25: d = 5, 5·0.75 = 3.75, ours 7.5.
    expect(claim.predict({ ...P, depth: 4, width: 16, inputNorm2: 0.25 }).meanK).toBeCloseTo(7.5, 14);
  });
  it('measure is reproducible by key and differs across keys', async () => {
    const a = await claim.measure(P, cpuContext(key(5)));
    const b = await claim.measure(P, cpuContext(key(5)));
    const c = await claim.measure(P, cpuContext(key(6)));
    expect(a).toEqual(b);
    expect(a.values.meanK?.value).not.toBe(c.values.meanK?.value);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
  it('tests: exact → supported, 10 % off → contradicted, huge error → inconclusive', () => {
    expect(evaluateTests(claim.tests(synthetic(1, 0.002), 'quick')).verdict).toBe('supported');
    expect(evaluateTests(claim.tests(synthetic(1.1, 0.002), 'quick')).verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(1, 0.2), 'quick')).verdict).toBe('inconclusive');
  });
  it('figure has a prediction and a measurement series', () => {
    const f = claim.figure(synthetic(1, 0.01));
    expect(f.series.map((s) => s.role)).toEqual(['prediction', 'measurement']);
  });
  it('runs the quick grid (seed 20200101) and prints the verdict', async () => {
    const { observations, evaluation } = await runGrid(claim, 'quick', key(20200101));
    for (const t of evaluation.tests) {
      console.log(
        `${t.id}: deviation ${(100 * t.value).toFixed(2)} % [${t.interval.map((v) => (100 * v).toFixed(2)).join(', ')}] → ${t.verdict}`,
      );
    }
    console.log('hanin-nica-2020-mean quick verdict:', evaluation.verdict);
    expect(['supported', 'contradicted', 'inconclusive']).toContain(evaluation.verdict);
    for (const o of observations) expect(Number.isFinite(o.measurement.values.meanK?.value)).toBe(true);
  });
});
