import { key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { evaluateTests } from '../../claim/evaluate-tests.ts';
import type { Observation } from '../../claim/types.ts';
import { cpuContext, runGrid } from '../monte-carlo/run-grid.ts';
import {
  seleznovaKutyniok2022DispersionClaim as claim,
  orderedTransientDepth,
  reluPhase,
  type SeleznovaKutyniokDispersionParams,
} from './claim.ts';

/** Observations with log-dispersion slope·L/n per phase (growing phases `grow`, ordered `flat`) and SE `se`. */
function synthetic(grow: number, flat: number, se: number): Observation<SeleznovaKutyniokDispersionParams>[] {
  return claim.grid.quick.map((params) => {
    const prediction = claim.predict(params);
    const slope = prediction.grows === 1 ? grow : flat;
    const value = 0.2 + slope * (params.depth / params.width);
    return { params, prediction, measurement: { values: { logRatio: { value, standardError: se } } } };
  });
}

describe('seleznova-kutyniok-2022-dispersion', () => {
  it('predict: phases from χ = σ_w²/2 and the ordered transient depth 2 ln n / ln(1/χ)', () => {
    expect(reluPhase(1)).toBe('ordered');
    expect(reluPhase(2)).toBe('edge-of-chaos');
    expect(reluPhase(3)).toBe('chaotic');
    // σ_w² = 1, n = 32: χ = 1/2, 2·ln 32/ln 2 = 2·5 = 10.
    expect(orderedTransientDepth(1, 32)).toBeCloseTo(10, 12);
    expect(orderedTransientDepth(2, 32)).toBe(Number.POSITIVE_INFINITY);
    const p = claim.predict({ sigmaW2: 1, depth: 10, width: 32, inputDim: 10, networks: 10 });
    expect(p.chi).toBe(0.5);
    expect(p.grows).toBe(0);
    expect(claim.predict({ sigmaW2: 3, depth: 10, width: 32, inputDim: 10, networks: 10 })).toEqual({
      chi: 1.5,
      grows: 1,
      transientDepth: -1,
    });
  });
  it('measure is reproducible by key and differs across keys', async () => {
    const P = { sigmaW2: 3, depth: 3, width: 16, inputDim: 10, networks: 60 };
    const a = await claim.measure(P, cpuContext(key(5)));
    const b = await claim.measure(P, cpuContext(key(5)));
    const c = await claim.measure(P, cpuContext(key(6)));
    expect(a).toEqual(b);
    expect(a.values.logRatio?.value).not.toBe(c.values.logRatio?.value);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
  it('tests: growth 4 / flat 0 → supported; growth 0 or ordered growth 4 → contradicted; huge SE → inconclusive', () => {
    expect(evaluateTests(claim.tests(synthetic(4, 0, 0.01), 'quick')).verdict).toBe('supported');
    expect(evaluateTests(claim.tests(synthetic(0, 0, 0.01), 'quick')).verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(4, 4, 0.01), 'quick')).verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(4, 0, 3), 'quick')).verdict).toBe('inconclusive');
  });
  it('runs the quick grid (seed 20220201) and prints the verdict', async () => {
    const { observations, evaluation } = await runGrid(claim, 'quick', key(20220201));
    for (const o of observations) {
      const e = o.measurement.values.logRatio;
      console.log(
        `σ_w²=${o.params.sigmaW2} L=${o.params.depth} n=${o.params.width}: log dispersion ${e?.value.toFixed(3)} ± ${e?.standardError?.toFixed(3)}`,
      );
      expect(Number.isFinite(e?.value)).toBe(true);
    }
    for (const t of evaluation.tests)
      console.log(
        `${t.id}: slope ${t.value.toFixed(3)} [${t.interval.map((v) => v.toFixed(3)).join(', ')}] → ${t.verdict}`,
      );
    console.log('seleznova-kutyniok-2022-dispersion quick verdict:', evaluation.verdict);
    expect(['supported', 'contradicted', 'inconclusive']).toContain(evaluation.verdict);
  });
});
