import { foldIn, key, Matrix } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { evaluateTests } from '../../claim/evaluate-tests.ts';
import type { Budget, Observation } from '../../claim/types.ts';
import { cpuContext } from '../monte-carlo/run-grid.ts';
import {
  stArnaudPredictorLimitClaim as claim,
  predictorWeights,
  type StArnaudPredictorParams,
} from './claim.ts';

const SEED = 25110728; // run seed of this file's measurements (printed below)
const ctx = (k: number, budget: Budget = 'quick') => cpuContext(foldIn(key(SEED), k), budget);

describe('stArnaudPredictorLimitClaim.predict', () => {
  it('predict: 1ᵀ/(N + 3) solves w·((3/4)I + (1/4)J) = (1/4)1ᵀ (checked by multiplying out)', () => {
    for (const n of [1, 6, 20]) {
      const w = claim.predict({ train: n, test: 2, dimension: 4, maxLayers: 100 }).meanWeight as number;
      // (w1ᵀ)·((3/4)I + (1/4)J) has entries w(3/4 + n/4); it must equal 1/4.
      expect(w * (0.75 + n / 4)).toBeCloseTo(0.25, 15);
    }
  });
  it('predictorWeights(k, n) = κ_x κ⁻¹ (hand-solved 2 + 1 example)', () => {
    // κ = [[2, 1], [1, 2]], κ_x = [1, 0]: w = κ_x κ⁻¹ = [2/3, −1/3].
    const k = Matrix.fromRows([
      [2, 1, 1],
      [1, 2, 0],
      [1, 0, 5],
    ]);
    const w = predictorWeights(k, 2);
    expect(w.get(0, 0)).toBeCloseTo(2 / 3, 14);
    expect(w.get(0, 1)).toBeCloseTo(-1 / 3, 14);
  });
});

describe('stArnaudPredictorLimitClaim.measure', () => {
  it('measure is reproducible by key (bit-identical) and differs for another key', async () => {
    const p = { train: 4, test: 2, dimension: 6, maxLayers: 400 };
    const a = await claim.measure(p, ctx(1));
    const b = await claim.measure(p, ctx(1));
    const c = await claim.measure(p, ctx(2));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.values.meanWeight?.value).not.toBe(a.values.meanWeight?.value);
  });
});

describe('stArnaudPredictorLimitClaim.tests', () => {
  const p = claim.grid.quick[0] as StArnaudPredictorParams;
  const synthetic = (spread: number, mean: number, se: number): Observation<StArnaudPredictorParams>[] => [
    {
      params: p,
      prediction: claim.predict(p),
      measurement: {
        values: {
          spread: { value: spread, standardError: se },
          meanWeight: { value: mean, standardError: se },
        },
      },
    },
  ];
  const w = 1 / (p.train + 3);
  it('synthetic: at the prediction → supported; spread 0.05 → contradicted; error 1 → inconclusive', () => {
    expect(evaluateTests(claim.tests(synthetic(0, w, 1e-4), 'quick')).verdict).toBe('supported');
    expect(evaluateTests(claim.tests(synthetic(0.05, w, 1e-4), 'quick')).verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(0, w + 0.05, 1e-4), 'quick')).verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(0, w, 1), 'quick')).verdict).toBe('inconclusive');
  });
});

describe('stArnaudPredictorLimitClaim quick run', () => {
  it('runs the quick grid: predict + measure + tests + evaluateTests (verdict printed)', {
    timeout: 120_000,
  }, async () => {
    const obs: Observation<StArnaudPredictorParams>[] = [];
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
    expect(['supported', 'contradicted', 'inconclusive']).toContain(ev.verdict);
    for (const t of ev.tests) expect(Number.isFinite(t.value)).toBe(true);
    expect(JSON.parse(JSON.stringify(obs))).toEqual(obs);
    expect(claim.figure(obs).series.length).toBe(4);
  });
});
