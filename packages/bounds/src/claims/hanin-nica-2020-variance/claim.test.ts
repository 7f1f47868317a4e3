import { key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { evaluateTests } from '../../claim/evaluate-tests.ts';
import type { Observation } from '../../claim/types.ts';
import { logMomentRatio } from '../monte-carlo/log-moment-ratio.ts';
import { cpuContext, runGrid } from '../monte-carlo/run-grid.ts';
import { haninNica2020VarianceClaim as claim, type HaninNicaVarianceParams } from './claim.ts';

const P: HaninNicaVarianceParams = { depth: 4, width: 16, inputDim: 4, networks: 60 };

/** Observations with log ratio = slope·β + offset and standard error `se` at every quick point. */
function synthetic(slope: number, offset: number, se: number): Observation<HaninNicaVarianceParams>[] {
  return claim.grid.quick.map((params) => {
    const prediction = claim.predict(params);
    const b = prediction.beta as number;
    return {
      params,
      prediction,
      measurement: { values: { logRatio: { value: slope * b + offset, standardError: se } } },
    };
  });
}

describe('hanin-nica-2020-variance', () => {
  it('predict gives β = L/n, 5β and exp(5β)', () => {
    // L = 4, n = 16: β = 0.25, 5β = 1.25, e^{1.25} = 3.4903429574618414.
    const p = claim.predict(P);
    expect(p.beta).toBe(0.25);
    expect(p.fiveBeta).toBe(1.25);
    expect(p.ratioOrder).toBeCloseTo(3.4903429574618414, 14);
  });
  it('logMomentRatio computes log(E[K²]/E[K]²) with plug-in moments', () => {
    // {1, 3}: E K = 2, E K² = 5 → log(5/4).
    expect(logMomentRatio(Float64Array.of(1, 3))).toBeCloseTo(Math.log(1.25), 15);
    expect(logMomentRatio(Float64Array.of(2, 2, 2))).toBe(0);
  });
  it('measure is reproducible by key and differs across keys', async () => {
    const a = await claim.measure(P, cpuContext(key(5)));
    const b = await claim.measure(P, cpuContext(key(5)));
    const c = await claim.measure(P, cpuContext(key(6)));
    expect(a).toEqual(b);
    expect(a.values.logRatio?.value).not.toBe(c.values.logRatio?.value);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
  it('tests: exp(5β)·e^{−0.5} → supported; slope 15 or offset −4 → contradicted; huge SE → inconclusive', () => {
    expect(evaluateTests(claim.tests(synthetic(5, -0.5, 0.02), 'quick')).verdict).toBe('supported');
    expect(evaluateTests(claim.tests(synthetic(15, -0.5, 0.02), 'quick')).verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(5, -4, 0.02), 'quick')).verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(5, -0.5, 2), 'quick')).verdict).toBe('inconclusive');
  });
  it('runs the quick grid (seed 20200102) and prints the verdict', async () => {
    const { observations, evaluation } = await runGrid(claim, 'quick', key(20200102));
    for (const o of observations) {
      const e = o.measurement.values.logRatio;
      console.log(
        `L=${o.params.depth} n=${o.params.width} β=${o.prediction.beta}: log ratio ${e?.value.toFixed(3)} ± ${e?.standardError?.toFixed(3)} (5β = ${o.prediction.fiveBeta})`,
      );
      expect(Number.isFinite(e?.value)).toBe(true);
    }
    for (const t of evaluation.tests)
      console.log(
        `${t.id}: ${t.value.toFixed(3)} [${t.interval.map((v) => v.toFixed(3)).join(', ')}] accept [${t.accept.lo.toFixed(2)}, ${t.accept.hi.toFixed(2)}] → ${t.verdict}`,
      );
    console.log('hanin-nica-2020-variance quick verdict:', evaluation.verdict);
    expect(['supported', 'contradicted', 'inconclusive']).toContain(evaluation.verdict);
  });
});
