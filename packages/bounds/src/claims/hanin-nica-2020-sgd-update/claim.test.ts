import { key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { evaluateTests } from '../../claim/evaluate-tests.ts';
import type { Observation } from '../../claim/types.ts';
import { cpuContext, runGrid } from '../monte-carlo/run-grid.ts';
import { haninNica2020SgdUpdateClaim as claim, type HaninNicaSgdUpdateParams } from './claim.ts';

function synthetic(slope: number, se: number): Observation<HaninNicaSgdUpdateParams>[] {
  return claim.grid.quick.map((params) => {
    const prediction = claim.predict(params);
    const v = 2.5 + slope * (prediction.logOrder as number);
    return {
      params,
      prediction,
      measurement: { values: { logAbsRelativeUpdate: { value: v, standardError: se } } },
    };
  });
}

describe('hanin-nica-2020-sgd-update', () => {
  it('predict gives (dβ/n₀)e^{5β}', () => {
    // L = 4, n = 16, n₀ = 4: d = 5, β = 1/4 → 5·0.25/4·e^{1.25} = 0.3125·3.4903429574618414 = 1.0907321742068254.
    const p = claim.predict({ depth: 4, width: 16, inputDim: 4, learningRate: 0.001, networks: 1 });
    expect(p.order).toBeCloseTo(1.0907321742068254, 14);
    expect(p.logOrder).toBeCloseTo(Math.log(1.0907321742068254), 14);
  });
  it('measure is reproducible by key and differs across keys', async () => {
    const P = { depth: 3, width: 8, inputDim: 4, learningRate: 0.001, networks: 60 };
    const a = await claim.measure(P, cpuContext(key(5)));
    const b = await claim.measure(P, cpuContext(key(5)));
    const c = await claim.measure(P, cpuContext(key(6)));
    expect(a).toEqual(b);
    expect(a.values.relativeUpdate?.value).not.toBe(c.values.relativeUpdate?.value);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
  it('tests: slope 1 → supported; slope 4 → contradicted; huge SE → inconclusive', () => {
    expect(evaluateTests(claim.tests(synthetic(1, 0.02), 'quick')).verdict).toBe('supported');
    expect(evaluateTests(claim.tests(synthetic(4, 0.02), 'quick')).verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(1, 3), 'quick')).verdict).toBe('inconclusive');
  });
  it('runs the quick grid (seed 20200103) and prints the verdict', async () => {
    const { observations, evaluation } = await runGrid(claim, 'quick', key(20200103));
    for (const o of observations) {
      const r = o.measurement.values.relativeUpdate;
      console.log(
        `L=${o.params.depth} n=${o.params.width}: E[ΔΘ̂]/(η E[Θ̂]) = ${r?.value.toFixed(3)} ± ${r?.standardError?.toFixed(3)} (order ${(o.prediction.order as number).toFixed(4)})`,
      );
      expect(Number.isFinite(r?.value)).toBe(true);
    }
    for (const t of evaluation.tests)
      console.log(
        `${t.id}: ${t.value.toFixed(3)} [${t.interval.map((v) => v.toFixed(3)).join(', ')}] accept [${t.accept.lo.toFixed(2)}, ${t.accept.hi.toFixed(2)}] → ${t.verdict}`,
      );
    console.log('hanin-nica-2020-sgd-update quick verdict:', evaluation.verdict);
    expect(['supported', 'contradicted', 'inconclusive']).toContain(evaluation.verdict);
  });
});
