import { key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { evaluateTests } from '../../claim/evaluate-tests.ts';
import type { Observation } from '../../claim/types.ts';
import { logMeanEstimate } from '../monte-carlo/log-mean-estimate.ts';
import { cpuContext, runGrid } from '../monte-carlo/run-grid.ts';
import { jacot2018InitConvergenceClaim as claim, type JacotInitParams } from './claim.ts';

/** Observations with distance c·n^slope and log standard error `se`. */
function synthetic(slope: number, se: number): Observation<JacotInitParams>[] {
  return claim.grid.quick.map((params) => {
    const v = Math.log(3) + slope * Math.log(params.width);
    return {
      params,
      prediction: claim.predict(params),
      measurement: {
        values: { logDistance: { value: v, standardError: se }, distance: { value: Math.exp(v) } },
      },
    };
  });
}

describe('jacot-2018-init-convergence', () => {
  it('predict gives the CLT slope −1/2', () => {
    expect(claim.predict(claim.grid.quick[0] as JacotInitParams)).toEqual({ slope: -0.5, width: 32 });
  });
  it('logMeanEstimate gives log m and SE/m', () => {
    // [1, 2, 3]: m = 2, s = 1, SE = 1/√3 → log 2 ± 1/(2√3).
    const e = logMeanEstimate([1, 2, 3]);
    expect(e.value).toBeCloseTo(Math.log(2), 15);
    expect(e.standardError).toBeCloseTo(1 / (2 * Math.sqrt(3)), 15);
  });
  it('measure is reproducible by key and differs across keys', async () => {
    const P = { width: 16, depth: 2, inputDim: 4, points: 3, networks: 3 };
    const a = await claim.measure(P, cpuContext(key(5)));
    const b = await claim.measure(P, cpuContext(key(5)));
    const c = await claim.measure(P, cpuContext(key(6)));
    expect(a).toEqual(b);
    expect(a.values.logDistance?.value).not.toBe(c.values.logDistance?.value);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
  it('tests: slope −1/2 → supported; slope −1 or 0 → contradicted; huge SE → inconclusive', () => {
    expect(evaluateTests(claim.tests(synthetic(-0.5, 0.02), 'quick')).verdict).toBe('supported');
    expect(evaluateTests(claim.tests(synthetic(-1, 0.02), 'quick')).verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(0, 0.02), 'quick')).verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(-0.5, 0.5), 'quick')).verdict).toBe('inconclusive');
  });
  it('runs the quick grid (seed 20180601) and prints the verdict', async () => {
    const { observations, evaluation } = await runGrid(claim, 'quick', key(20180601));
    for (const o of observations) {
      const e = o.measurement.values.logDistance;
      console.log(
        `n=${o.params.width}: E distance ${Math.exp(e?.value ?? Number.NaN).toFixed(4)} (log ± ${e?.standardError?.toFixed(3)})`,
      );
      expect(Number.isFinite(e?.value)).toBe(true);
    }
    for (const t of evaluation.tests)
      console.log(
        `${t.id}: ${t.value.toFixed(3)} [${t.interval.map((v) => v.toFixed(3)).join(', ')}] → ${t.verdict}`,
      );
    console.log('jacot-2018-init-convergence quick verdict:', evaluation.verdict);
    expect(['supported', 'contradicted', 'inconclusive']).toContain(evaluation.verdict);
  });
});
