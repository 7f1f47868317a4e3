import { foldIn, key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { evaluateTests } from '../../claim/evaluate-tests.ts';
import type { Observation } from '../../claim/types.ts';
import { cpuContext, runGrid } from '../monte-carlo/run-grid.ts';
import { stArnaud2025DepthStoppingTimeClaim as claim, type StArnaud2025DepthParams } from './claim.ts';

const SEED = 7272;
const tiny: StArnaud2025DepthParams = { points: 6, depth: 3, tau: 1, inputDim: 3, testPoints: 5, seeds: 2 };

function synthetic(r2: (n: number) => number, se: number): Observation<StArnaud2025DepthParams>[] {
  return [50, 100, 200, 400].map((points) => {
    const params = { ...tiny, points, depth: points / 2 };
    return {
      params,
      prediction: claim.predict(params),
      measurement: { values: { testR2: { value: r2(points), standardError: se } } },
    };
  });
}

describe(`${claim.id} (seed ${SEED})`, () => {
  it('predict(params) gives Θ(x, x) = 2(L+1) on the sphere and t = τN/(L+1)', () => {
    // σ_w² = 2, σ_b² = 0, x·x/d = 1: Σ¹ = 2, Σ^{l+1} = 2·E[relu(u)²] = 2·Σ^l/2 = 2, Σ̇ = 2·P(u > 0) = 1, so
    // Θ^{l+1} = Σ^{l+1} + Θ^l·Σ̇ = 2 + Θ^l from Θ¹ = 2: Θ^{L+1} = 2(L+1). L = 25 → 52, L = 100 → 202.
    const p = claim.predict({ ...tiny, points: 50, depth: 25, inputDim: 8 });
    expect(p.ntkDiagonal).toBeCloseTo(52, 10);
    expect(p.stoppingTime).toBeCloseTo(50 / 26, 15);
    expect(p.trivialR2).toBe(0);
    expect(claim.predict({ ...tiny, points: 200, depth: 100 }).ntkDiagonal).toBeCloseTo(202, 9);
    expect(claim.grid.quick.every((q) => q.depth === q.points / 2)).toBe(true);
  });

  it('measure(params, ctx) is reproducible by key and differs for another key', async () => {
    const ctx = (k: number) => cpuContext(foldIn(key(SEED), k));
    const a = await claim.measure(tiny, ctx(0));
    const b = await claim.measure(tiny, ctx(0));
    const c = await claim.measure(tiny, ctx(1));
    expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(b)));
    expect(c.values.testR2!.value).not.toBe(a.values.testR2!.value);
    expect(a.settings?.stoppingTime).toBeCloseTo(6 / 4, 15);
  });

  it('measure rejects fewer than two seeds', async () => {
    await expect(claim.measure({ ...tiny, seeds: 1 }, cpuContext(key(SEED)))).rejects.toThrow(/params.seeds/);
  });

  it('tests(observations) support, contradict, or cannot decide on synthetic observations', () => {
    // A flat R² of 0.3 along the path: non-trivial and stable.
    expect(
      evaluateTests(
        claim.tests(
          synthetic(() => 0.3, 0.01),
          'quick',
        ),
      ).verdict,
    ).toBe('supported');
    // R² decaying to the trivial value like 1.2 − 0.2·log N (0.42 → 0.002): both tests fail.
    const decay = evaluateTests(
      claim.tests(
        synthetic((n) => 1.2 - 0.2 * Math.log(n), 0.01),
        'quick',
      ),
    );
    expect(decay.tests.map((t) => t.verdict)).toEqual(['contradicted', 'contradicted']);
    expect(
      evaluateTests(
        claim.tests(
          synthetic(() => 0.3, 1),
          'quick',
        ),
      ).verdict,
    ).toBe('inconclusive');
    expect(evaluateTests(claim.tests([], 'quick')).verdict).toBe('inconclusive');
  });

  it('the quick grid runs end to end (prints the verdict and the numbers)', async () => {
    const { observations, evaluation: ev } = await runGrid(claim, 'quick', key(SEED));
    console.log(
      `${claim.id} quick (seed ${SEED}): ${ev.verdict}\n` +
        observations
          .map((o) => {
            const v = o.measurement.values;
            return `  N ${o.params.points}, L ${o.params.depth}, t ${o.prediction.stoppingTime!.toPrecision(3)}: test R² ${v.testR2!.value.toPrecision(3)} ± ${v.testR2!.standardError!.toPrecision(2)}, interpolant R² ${v.interpolantTestR2!.value.toPrecision(3)}, spread ${v.predictorSpread!.value.toPrecision(3)}`;
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
    expect(claim.figure(observations).series).toHaveLength(3);
  }, 300_000);
});
