import { foldIn, key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { evaluateTests } from '../../claim/evaluate-tests.ts';
import type { Estimate, Observation } from '../../claim/types.ts';
import { cpuContext, runGrid } from '../monte-carlo/run-grid.ts';
import {
  seleznovaKutyniok2021NtkChangeByPhaseClaim as claim,
  type SeleznovaKutyniok2021Params,
} from './claim.ts';

const SEED = 20211;
const tiny: SeleznovaKutyniok2021Params = {
  sigmaW2: 2.2,
  depth: 3,
  width: 8,
  classes: 2,
  perClass: 2,
  learningRate: 1e-3,
  epochs: 4,
  seeds: 2,
};

function obs(
  sigmaW2: number,
  logNtkChange: Estimate,
  logLossRatio: Estimate,
): Observation<SeleznovaKutyniok2021Params> {
  const params = { ...tiny, sigmaW2 };
  return {
    params,
    prediction: claim.predict(params),
    measurement: { values: { logNtkChange, logLossRatio } },
  };
}

function synthetic(se: number, flip = false): Observation<SeleznovaKutyniok2021Params>[] {
  // Supported shape: chaotic log-change 0 > ordered −2; ordered log loss ratio −0.1 > edge −5.
  const s = flip ? -1 : 1;
  return [
    obs(1.0, { value: -2 * s, standardError: se }, { value: -0.1 * s - (flip ? 5 : 0), standardError: se }),
    obs(2.0, { value: -0.5, standardError: se }, { value: -5 + (flip ? 5 : 0), standardError: se }),
    obs(2.2, { value: 0, standardError: se }, { value: -5, standardError: se }),
  ];
}

describe(`${claim.id} (seed ${SEED})`, () => {
  it('predict(params) gives χ₁ = σ_w²/2 for ReLU and zero infinite-width NTK change', () => {
    // By hand: E[step(z)²] = P(z > 0) = 1/2, so χ₁ = σ_w²·1/2: 1.0 → 0.5 (ordered), 2.0 → 1 (edge), 2.2 → 1.1 (chaotic).
    expect(claim.predict({ ...tiny, sigmaW2: 1.0 })).toEqual({ chi1: 0.5, ntkChangeInfiniteWidth: 0 });
    expect(claim.predict({ ...tiny, sigmaW2: 2.0 }).chi1).toBe(1);
    expect(claim.predict({ ...tiny, sigmaW2: 2.2 }).chi1).toBeCloseTo(1.1, 15);
    expect(claim.grid.quick.map((p) => p.sigmaW2)).toEqual([1.0, 2.0, 2.2]);
    expect(claim.grid.full.every((p) => p.width === 300 && p.depth === 20)).toBe(true);
  });

  it('measure(params, ctx) is reproducible by key and differs for another key', async () => {
    const ctx = (k: number) => cpuContext(foldIn(key(SEED), k));
    const a = await claim.measure(tiny, ctx(0));
    const b = await claim.measure(tiny, ctx(0));
    const c = await claim.measure(tiny, ctx(1));
    expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(b)));
    expect(a.values.ntkChange!.value).toBe(b.values.ntkChange!.value);
    expect(c.values.ntkChange!.value).not.toBe(a.values.ntkChange!.value);
    expect(a.settings?.trainImages).toBe(4);
    expect(Object.values(a.values).every((e) => Number.isFinite(e.value))).toBe(true);
  }, 60_000);

  it('measure rejects fewer than two seeds', async () => {
    await expect(claim.measure({ ...tiny, seeds: 1 }, cpuContext(key(SEED)))).rejects.toThrow(/params.seeds/);
  });

  it('tests(observations) support, contradict, or cannot decide on synthetic observations', () => {
    expect(evaluateTests(claim.tests(synthetic(0.01), 'quick')).verdict).toBe('supported');
    const flipped = evaluateTests(claim.tests(synthetic(0.01, true), 'quick'));
    expect(flipped.verdict).toBe('contradicted');
    expect(flipped.tests.map((t) => t.verdict)).toEqual(['contradicted', 'contradicted']);
    expect(evaluateTests(claim.tests(synthetic(100), 'quick')).verdict).toBe('inconclusive');
    // A missing phase cannot decide.
    expect(evaluateTests(claim.tests(synthetic(0.01).slice(1), 'quick')).verdict).toBe('inconclusive');
  });

  it('the quick grid runs end to end (prints the verdict and the numbers)', async () => {
    const { observations, evaluation: ev } = await runGrid(claim, 'quick', key(SEED));
    console.log(
      `${claim.id} quick (seed ${SEED}): ${ev.verdict}\n` +
        observations
          .map(
            (o) =>
              `  σ_w²=${o.params.sigmaW2}: NTK change ${o.measurement.values.ntkChange!.value.toPrecision(4)} ± ` +
              `${o.measurement.values.ntkChange!.standardError!.toPrecision(2)}, loss ${o.measurement.values.initialLoss!.value.toPrecision(4)} → ` +
              `${o.measurement.values.finalLoss!.value.toPrecision(4)}, within/between (0 → T) ` +
              `${o.measurement.values.withinClass0!.value.toFixed(3)}/${o.measurement.values.betweenClass0!.value.toFixed(3)} → ` +
              `${o.measurement.values.withinClassT!.value.toFixed(3)}/${o.measurement.values.betweenClassT!.value.toFixed(3)}`,
          )
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
    const fig = claim.figure(observations);
    expect(fig.series[0]!.points).toHaveLength(3);
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  }, 300_000);
});
