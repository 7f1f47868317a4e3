import { foldIn, key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { evaluateTests } from '../../claim/evaluate-tests.ts';
import type { Budget, Observation } from '../../claim/types.ts';
import { cpuContext } from '../monte-carlo/run-grid.ts';
import { leeLinearisationWidthClaim as claim, type LeeParams, leeWidths } from './claim.ts';

const SEED = 19020672; // run seed of this file's measurements (printed below)
const ctx = (k: number, budget: Budget = 'quick') => cpuContext(foldIn(key(SEED), k), budget);
const quick = claim.grid.quick[0] as LeeParams;

describe('leeLinearisationWidthClaim.predict', () => {
  it('predict: the bound O(n^{−1/2}) is a log-log slope of −1/2; widths parse in order', () => {
    expect(claim.predict(quick)).toEqual({ slope: -0.5 });
    expect(leeWidths(quick)).toEqual([32, 64, 128, 256, 512]);
    for (const p of claim.grid.full) {
      const w = leeWidths(p);
      expect(w.every((v, i) => i === 0 || v > (w[i - 1] as number))).toBe(true);
    }
  });
});

describe('leeLinearisationWidthClaim.measure', () => {
  const small = { ...quick, widths: '16,32', seeds: 2, steps: 10 };
  it('measure is reproducible by key (bit-identical) and differs for another key', {
    timeout: 60_000,
  }, async () => {
    const a = await claim.measure(small, ctx(1));
    const b = await claim.measure(small, ctx(1));
    const c = await claim.measure(small, ctx(2));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.values.slope?.value).not.toBe(a.values.slope?.value);
    expect(a.settings?.widths).toEqual([16, 32]);
    expect(
      ((a.settings?.supDistances ?? []) as number[][]).flat().every((d) => d > 0 && Number.isFinite(d)),
    ).toBe(true);
  });
  it('measure honours an aborted signal', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(claim.measure(small, { ...ctx(1), signal: ac.signal })).rejects.toThrow();
  });
});

describe('leeLinearisationWidthClaim.tests', () => {
  const synthetic = (value: number, standardError: number): Observation<LeeParams>[] => [
    {
      params: quick,
      prediction: claim.predict(quick),
      measurement: { values: { slope: { value, standardError } } },
    },
  ];
  it('synthetic: slope −1/2 ± 0.01 → supported; 0 ± 0.01 → contradicted; −1/2 ± 1 → inconclusive', () => {
    expect(evaluateTests(claim.tests(synthetic(-0.5, 0.01), 'quick')).verdict).toBe('supported');
    expect(evaluateTests(claim.tests(synthetic(-1, 0.01), 'quick')).verdict).toBe('supported');
    expect(evaluateTests(claim.tests(synthetic(0, 0.01), 'quick')).verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(-0.5, 1), 'quick')).verdict).toBe('inconclusive');
  });
});

describe('leeLinearisationWidthClaim quick run', () => {
  it('runs the quick grid: predict + measure + tests + evaluateTests (verdict printed)', {
    timeout: 180_000,
  }, async () => {
    const obs: Observation<LeeParams>[] = [];
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
    const s = obs[0]?.measurement.settings;
    console.log('  per-draw slopes:', JSON.stringify(s?.perDrawSlopes));
    console.log('  geometric-mean sup distance by width:', JSON.stringify(s?.geometricMeanSupDistance));
    expect(['supported', 'contradicted', 'inconclusive']).toContain(ev.verdict);
    for (const t of ev.tests) expect(Number.isFinite(t.value)).toBe(true);
    expect(JSON.parse(JSON.stringify(obs))).toEqual(obs);
    expect(claim.figure(obs).series.length).toBe(2);
  });
});
