import { key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { evaluateTests } from '../../claim/evaluate-tests.ts';
import type { Observation } from '../../claim/types.ts';
import { cpuContext, runGrid } from '../monte-carlo/run-grid.ts';
import { jacot2018TrainingStabilityClaim as claim, type JacotTrainingParams } from './claim.ts';

function synthetic(slope: number, se: number): Observation<JacotTrainingParams>[] {
  return claim.grid.quick.map((params) => {
    const v = Math.log(2) + slope * Math.log(params.width);
    return {
      params,
      prediction: claim.predict(params),
      measurement: { values: { logChange: { value: v, standardError: se }, change: { value: Math.exp(v) } } },
    };
  });
}

describe('jacot-2018-training-stability', () => {
  it('predict: a negative slope, and t/η steps', () => {
    // t = 20, η = 1 → 20 steps; t = 20, η = 0.5 → 40 steps.
    const p = claim.predict(claim.grid.quick[0] as JacotTrainingParams);
    expect(p).toEqual({ slopeUpper: 0, cltSlope: -0.5, steps: 20 });
    expect(claim.predict(claim.grid.full[0] as JacotTrainingParams).steps).toBe(40);
  });
  it('measure is reproducible by key and differs across keys', async () => {
    const P = { width: 16, depth: 2, inputDim: 4, points: 3, learningRate: 1, time: 3, networks: 2 };
    const a = await claim.measure(P, cpuContext(key(5)));
    const b = await claim.measure(P, cpuContext(key(5)));
    const c = await claim.measure(P, cpuContext(key(6)));
    expect(a).toEqual(b);
    expect(a.values.logChange?.value).not.toBe(c.values.logChange?.value);
    expect(a.settings?.steps).toBe(3);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
  it('tests: slope −1/2 → supported; slope +0.3 → contradicted; huge SE → inconclusive', () => {
    expect(evaluateTests(claim.tests(synthetic(-0.5, 0.02), 'quick')).verdict).toBe('supported');
    expect(evaluateTests(claim.tests(synthetic(0.3, 0.02), 'quick')).verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(-0.5, 1), 'quick')).verdict).toBe('inconclusive');
  });
  it('runs the quick grid (seed 20180602) and prints the verdict', async () => {
    const { observations, evaluation } = await runGrid(claim, 'quick', key(20180602));
    for (const o of observations) {
      const e = o.measurement.values.logChange;
      console.log(
        `n=${o.params.width}: E change ${Math.exp(e?.value ?? Number.NaN).toFixed(4)} (log ± ${e?.standardError?.toFixed(3)}), final loss ${o.measurement.values.finalTrainLoss?.value.toExponential(2)}`,
      );
      expect(Number.isFinite(e?.value)).toBe(true);
    }
    for (const t of evaluation.tests)
      console.log(
        `${t.id}: ${t.value.toFixed(3)} [${t.interval.map((v) => v.toFixed(3)).join(', ')}] → ${t.verdict}`,
      );
    console.log('jacot-2018-training-stability quick verdict:', evaluation.verdict);
    expect(['supported', 'contradicted', 'inconclusive']).toContain(evaluation.verdict);
  });
});
