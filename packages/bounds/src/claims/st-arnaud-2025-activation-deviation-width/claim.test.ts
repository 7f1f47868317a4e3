import { foldIn, key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { evaluateTests } from '../../claim/evaluate-tests.ts';
import type { Observation } from '../../claim/types.ts';
import { cpuContext, runGrid } from '../monte-carlo/run-grid.ts';
import { stArnaud2025ActivationDeviationWidthClaim as claim, type StArnaud2025WidthParams } from './claim.ts';

const SEED = 2511;
const tiny: StArnaud2025WidthParams = {
  width: 16,
  depth: 1,
  points: 4,
  inputDim: 3,
  steps: 3,
  rateFraction: 0.5,
  seeds: 2,
};

/** Observations with log max|Δh| = log C − a·log n and log ‖Δh‖ = log D + b·log n exactly, with standard error se. */
function synthetic(a: number, b: number, se: number): Observation<StArnaud2025WidthParams>[] {
  return [64, 128, 256, 512].map((width) => {
    const params = { ...tiny, width };
    return {
      params,
      prediction: claim.predict(params),
      measurement: {
        values: {
          logMaxDeviation: { value: Math.log(3) - a * Math.log(width), standardError: se },
          logAggregateDeviation: { value: Math.log(1.5) + b * Math.log(width), standardError: se },
        },
      },
    };
  });
}

describe(`${claim.id} (seed ${SEED})`, () => {
  it('predict(params) gives the lazy-regime slopes −1/2 and 0', () => {
    // Each of the n² weights of a layer moves O(1/√n) in the NTK parameterisation, so a unit moves O(1/√n)
    // (slope −1/2) and the n units together O(√n·1/√n) = O(1) (slope 0).
    expect(claim.predict(tiny)).toEqual({ maxDeviationSlope: -0.5, aggregateDeviationSlope: 0 });
    expect(claim.grid.quick.map((p) => p.width)).toEqual([64, 128, 256, 512]);
    expect(claim.grid.full.at(-1)!.width).toBe(4096);
  });

  it('measure(params, ctx) is reproducible by key and differs for another key', async () => {
    const ctx = (k: number) => cpuContext(foldIn(key(SEED), k));
    const a = await claim.measure(tiny, ctx(0));
    const b = await claim.measure(tiny, ctx(0));
    const c = await claim.measure(tiny, ctx(1));
    expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(b)));
    expect(c.values.logMaxDeviation!.value).not.toBe(a.values.logMaxDeviation!.value);
    expect(() => JSON.stringify(a)).not.toThrow();
  });

  it('measure rejects fewer than two seeds', async () => {
    await expect(claim.measure({ ...tiny, seeds: 1 }, cpuContext(key(SEED)))).rejects.toThrow(/params.seeds/);
  });

  it('tests(observations) support, contradict, or cannot decide on synthetic observations', () => {
    // Slopes recovered exactly: −0.5 and 0 → supported.
    const ok = evaluateTests(claim.tests(synthetic(0.5, 0, 0.01), 'quick'));
    expect(ok.verdict).toBe('supported');
    expect(ok.tests[0]!.value).toBeCloseTo(-0.5, 12);
    expect(ok.tests[1]!.value).toBeCloseTo(0, 12);
    // Per-neuron change growing, aggregate vanishing like n^{-1/2} → both contradicted.
    const bad = evaluateTests(claim.tests(synthetic(-0.3, -0.5, 0.01), 'quick'));
    expect(bad.tests.map((t) => t.verdict)).toEqual(['contradicted', 'contradicted']);
    expect(bad.verdict).toBe('contradicted');
    expect(evaluateTests(claim.tests(synthetic(0.5, 0, 5), 'quick')).verdict).toBe('inconclusive');
    expect(evaluateTests(claim.tests(synthetic(0.5, 0, 0.01).slice(0, 1), 'quick')).verdict).toBe(
      'inconclusive',
    );
  });

  it('the quick grid runs end to end (prints the verdict and the numbers)', async () => {
    const { observations, evaluation: ev } = await runGrid(claim, 'quick', key(SEED));
    console.log(
      `${claim.id} quick (seed ${SEED}): ${ev.verdict}\n` +
        observations
          .map((o) => {
            const v = o.measurement.values;
            return `  width ${o.params.width}: max|Δh_i| ${Math.exp(v.logMaxDeviation!.value).toPrecision(4)} (log SE ${v.logMaxDeviation!.standardError!.toPrecision(2)}), ‖Δh‖₂ ${Math.exp(v.logAggregateDeviation!.value).toPrecision(4)} (log SE ${v.logAggregateDeviation!.standardError!.toPrecision(2)}), final loss ${v.finalLoss!.value.toPrecision(3)}`;
          })
          .join('\n') +
        '\n' +
        ev.tests
          .map(
            (t) =>
              `  ${t.id}: ${t.value.toPrecision(4)} [${t.interval.map((v) => v.toPrecision(4)).join(', ')}] ${t.verdict}`,
          )
          .join('\n'),
    );
    expect(['supported', 'contradicted', 'inconclusive']).toContain(ev.verdict);
    for (const t of ev.tests) expect(Number.isFinite(t.value)).toBe(true);
    expect(claim.figure(observations).series).toHaveLength(4);
  }, 300_000);
});
