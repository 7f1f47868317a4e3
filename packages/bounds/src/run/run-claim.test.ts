import { cpuBackend } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { comparable, syntheticClaim } from '../../test/synthetic-claim.ts';
import type { ClaimProgress } from './claim-progress.ts';
import { runClaim } from './run-claim.ts';

// Seeds are fixed and printed in the test names; the synthetic claim draws X = μ + shift + Z from the point keys.
describe('runClaim (synthetic claims, seed 0 unless stated)', () => {
  it('runClaim(claim) supports a true claim: measured means within ±0.1 of μ with 4000 draws', async () => {
    const r = await runClaim(syntheticClaim());
    expect(r.status).toBe('ok');
    expect(r.verdict).toBe('supported');
    expect(r.tests).toHaveLength(4);
    expect(r.tests.every((t) => t.verdict === 'supported')).toBe(true);
    // Bonferroni over 4 tests at 0.95: per-test level 1 − 0.05/4.
    expect(r.tests[0]?.level).toBeCloseTo(1 - 0.0125, 12);
    expect(r.familyLevel).toBe(0.95);
    expect(r.observations.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(r.observations[0]?.measurement.settings).toEqual({ samples: 4000, sigma: 1, shift: 0 });
  });
  it('runClaim(claim) contradicts a claim whose prediction is off by 0.5 (beyond the ±0.1 region)', async () => {
    const r = await runClaim(syntheticClaim({ shift: 0.5 }));
    expect(r.verdict).toBe('contradicted');
    expect(r.tests.every((t) => t.verdict === 'contradicted')).toBe(true);
  });
  it('runClaim(claim) is inconclusive when the budget is too small (50 draws: interval ±0.35 ⊋ ±0.1)', async () => {
    const r = await runClaim(syntheticClaim({ quickSamples: 50 }));
    expect(r.verdict).toBe('inconclusive');
    expect(r.tests.every((t) => t.verdict === 'inconclusive')).toBe(true);
  });
  it('runClaim(claim, { budget: "full" }) runs the full grid', async () => {
    const r = await runClaim(syntheticClaim({ fullSamples: 500 }), { budget: 'full', seed: 3 });
    expect(r.observations).toHaveLength(6);
    expect(r.settings).toEqual({ budget: 'full', seed: 3, level: 0.95, gridSize: 6 });
    expect(r.budget).toBe('full');
  });
  it('runClaim is reproducible by seed (seeds 0, 0 and 1)', async () => {
    const a = await runClaim(syntheticClaim(), { seed: 0 });
    const b = await runClaim(syntheticClaim(), { seed: 0 });
    const c = await runClaim(syntheticClaim(), { seed: 1 });
    expect(comparable(a)).toEqual(comparable(b));
    expect(a.observations[0]?.measurement.values['mean']?.value).not.toBe(
      c.observations[0]?.measurement.values['mean']?.value,
    );
    expect(a.observations[0]?.key).not.toBe(c.observations[0]?.key);
  });
  it('runClaim(claim) gives a JSON-serialisable result: a JSON round trip is deep-equal, no NaN/Infinity', async () => {
    const r = await runClaim(syntheticClaim());
    const text = JSON.stringify(r);
    expect(JSON.parse(text)).toEqual(r);
    expect(text).not.toMatch(/NaN|Infinity/);
    // The null rule: a non-finite measured value and an infinite prediction become null.
    expect(r.observations[0]?.measurement.values['nan']?.value).toBeNull();
    expect(r.observations[0]?.prediction['bound']).toBeNull();
  });
  it('runClaim(claim) records the claim, the citation, settings, versions, backend and timing', async () => {
    const r = await runClaim(syntheticClaim(), { backend: cpuBackend() });
    expect(r.format).toBe('ntk-claim-result');
    expect(r.claimId).toBe('synthetic-mean');
    expect(r.citation.arxiv).toBe('2401.00001');
    expect(r.formula).toBe('\\mathbb{E}[X] = \\mu');
    expect(r.conditions).toHaveLength(1);
    expect(r.assumptions).toEqual(['σ = 1']);
    expect(r.method).toBe('monte-carlo');
    expect(r.versions['@ntk/bounds']).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.backend).toEqual(cpuBackend().info);
    expect(Number.isNaN(Date.parse(r.startedAt))).toBe(false);
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
    expect(r.observations[0]?.key).toMatch(/^[0-9a-f]{16}$/);
    expect(r.vegaLite?.$schema).toMatch(/vega-lite\/v6/);
  });
  it('runClaim reports monotone progress per point and for the claim, ending at 1', async () => {
    const events: ClaimProgress[] = [];
    await runClaim(syntheticClaim(), { onProgress: (p) => events.push(p) });
    expect(events.length).toBe(4 * 4 + 4); // 4 blocks per point + one per finished point
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.fraction).toBeGreaterThanOrEqual(events[i - 1]?.fraction as number);
    }
    expect(events.at(-1)?.fraction).toBe(1);
    expect(events.at(-1)?.remainingMs).toBe(0);
    expect(events[0]?.message).toBe('block 1/4');
    expect(events.every((e) => e.pointCount === 4 && e.claimId === 'synthetic-mean')).toBe(true);
    expect(events.every((e) => e.remainingMs === null || e.remainingMs >= 0)).toBe(true);
  });
  it('runClaim propagates cancellation as an AbortError, before and during a measurement', async () => {
    const before = new AbortController();
    before.abort();
    await expect(runClaim(syntheticClaim(), { signal: before.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const during = new AbortController();
    const claim = syntheticClaim({ onMeasure: (_p, i) => (i === 2 ? during.abort() : undefined) });
    await expect(runClaim(claim, { signal: during.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
  it('runClaim captures a failing measure as status "failed" with the stage, point and message', async () => {
    const claim = syntheticClaim({
      onMeasure: (_p, i) => {
        if (i === 2) throw new RangeError('boom at 2');
      },
    });
    const r = await runClaim(claim);
    expect(r.status).toBe('failed');
    expect(r.error).toEqual({ stage: 'measure', pointIndex: 2, name: 'RangeError', message: 'boom at 2' });
    expect(r.observations.map((p) => p.index)).toEqual([0, 1]);
    expect(r.tests).toEqual([]);
    expect(r.verdict).toBe('inconclusive');
    expect(r.vegaLite).toBeNull();
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it('runClaim captures failures of predict, tests, a non-JSON measurement and an empty grid', async () => {
    const base = syntheticClaim();
    const badPredict = await runClaim({ ...base, predict: () => ({ mean: 'x' as unknown as number }) });
    expect(badPredict.error).toMatchObject({ stage: 'predict', pointIndex: 0 });
    const badTests = await runClaim(syntheticClaim({ failTests: true }));
    expect(badTests.error).toMatchObject({ stage: 'tests', message: 'tests exploded' });
    expect(badTests.observations).toHaveLength(4);
    const typed = await runClaim({
      ...base,
      measure: async () => ({ values: { mean: { value: 1 } }, settings: { w: new Float64Array(2) } }),
    });
    expect(typed.error?.stage).toBe('measure');
    expect(typed.error?.message).toMatch(/measurement.settings.w/);
    const empty = await runClaim({ ...base, grid: { quick: [], full: [] } });
    expect(empty.error).toMatchObject({ stage: 'setup' });
    expect(empty.error?.message).toMatch(/claim.grid.quick/);
    const dupTests = await runClaim({
      ...base,
      tests: (obs) => [...base.tests(obs, 'quick'), ...base.tests(obs, 'quick')],
    });
    expect(dupTests.error).toMatchObject({ stage: 'tests' });
  });
  it('runClaim rejects bad options with an argument error naming runClaim', async () => {
    const c = syntheticClaim();
    await expect(runClaim(c, { budget: 'medium' as never })).rejects.toThrow(
      /runClaim: invalid argument. `options.budget`/,
    );
    await expect(runClaim(c, { seed: 0.5 })).rejects.toThrow(/`options.seed`/);
    await expect(runClaim(c, { level: 1 })).rejects.toThrow(/`options.level`/);
    await expect(runClaim(c, { resume: true })).rejects.toThrow(/`options.resume`/);
  });
});
