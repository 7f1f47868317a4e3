import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { comparable, syntheticClaim } from '../../test/synthetic-claim.ts';
import { assembleClaimResult } from './assemble-claim-result.ts';
import { measureClaimPoints } from './measure-claim-points.ts';
import { pointObservationFromJson, pointObservationToJson } from './point-observation-json.ts';
import { runClaim } from './run-claim.ts';

const SEED = 2718; // fast-check seed, fixed and printed

describe('measureClaimPoints + assembleClaimResult (sharding)', () => {
  const claim = syntheticClaim({ fullSamples: 64 });
  const whole = runClaim(claim, { budget: 'full', seed: 11 });
  // Any assignment of the 6 full-grid points to 1–4 shards, each measured in its own order, gives the run.
  test.prop([fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }), fc.boolean()], {
    seed: SEED,
    numRuns: 12,
  })(
    `any sharding of the points gives the single run's result (fast-check seed ${SEED}, run seed 11)`,
    async (shardOf, reverse) => {
      const shards = [0, 1, 2, 3].map((s) => shardOf.flatMap((t, i) => (t === s ? [i] : [])));
      const parts = [];
      for (const points of shards) {
        if (points.length === 0) continue;
        const ordered = reverse ? [...points].reverse() : points;
        parts.push(...(await measureClaimPoints(claim, { budget: 'full', seed: 11, points: ordered })));
      }
      expect(comparable(assembleClaimResult(claim, parts))).toEqual(comparable(await whole));
    },
  );

  it('shards {0..k} and {k+1..n} measured apart and assembled give the single run (full budget, seed 5)', async () => {
    const claim = syntheticClaim({ fullSamples: 800 });
    const whole = await runClaim(claim, { budget: 'full', seed: 5 });
    for (const k of [0, 2, 4]) {
      const a = await measureClaimPoints(claim, {
        budget: 'full',
        seed: 5,
        points: [...Array(k + 1).keys()],
      });
      const rest = [...Array(6 - k - 1).keys()].map((i) => i + k + 1);
      const b = await measureClaimPoints(claim, { budget: 'full', seed: 5, points: rest });
      // Shards travel as JSON between machines: round-trip them losslessly, and combine in any order.
      const travelled = [...b, ...a].map(
        (o) => pointObservationFromJson(pointObservationToJson(o)).observation,
      );
      const merged = assembleClaimResult(claim, travelled as typeof a);
      expect(comparable(merged)).toEqual(comparable(whole));
    }
  });
  it('measureClaimPoints(claim, { points }) measures only those points, in that order, with their own keys', async () => {
    const claim = syntheticClaim();
    const all = await measureClaimPoints(claim);
    const some = await measureClaimPoints(claim, { points: [3, 1] });
    expect(some.map((o) => o.index)).toEqual([3, 1]);
    expect(some[0]).toEqual({ ...all[3], durationMs: some[0]?.durationMs });
    expect(some[0]?.key).toBe(all[3]?.key);
  });
  it('measureClaimPoints rejects bad point lists', async () => {
    const claim = syntheticClaim();
    await expect(measureClaimPoints(claim, { points: [4] })).rejects.toThrow(
      /measureClaimPoints: invalid argument. `options.points\[0\]` must be an index in \[0, 3\]/,
    );
    await expect(measureClaimPoints(claim, { points: [1, 1] })).rejects.toThrow(/not already listed/);
    await expect(measureClaimPoints({ ...claim, id: 'Bad Id' })).rejects.toThrow(/`claim.id`/);
  });
  it('assembleClaimResult rejects incomplete, mixed or forged observations', async () => {
    const claim = syntheticClaim();
    const obs = await measureClaimPoints(claim);
    expect(() => assembleClaimResult(claim, [])).toThrow(
      /assembleClaimResult: invalid argument. `observations`/,
    );
    expect(() => assembleClaimResult(claim, obs.slice(1))).toThrow(/missing 0/);
    expect(() => assembleClaimResult(claim, [...obs, obs[0] as (typeof obs)[0]])).toThrow(/not seen before/);
    const forgedKey = obs.map((o, i) => (i === 2 ? { ...o, key: '0000000000000000' } : o));
    expect(() => assembleClaimResult(claim, forgedKey)).toThrow(/`observations\[2\].key`/);
    const otherSeed = obs.map((o, i) => (i === 1 ? { ...o, seed: 9 } : o));
    expect(() => assembleClaimResult(claim, otherSeed)).toThrow(/`observations\[1\].seed`/);
    const wrongParams = obs.map((o, i) => (i === 1 ? { ...o, params: { mu: 7 } } : o));
    expect(() => assembleClaimResult(claim, wrongParams)).toThrow(/`observations\[1\].params`/);
    expect(() => assembleClaimResult({ ...claim, id: 'other' }, obs)).toThrow(/`observations\[0\].claimId`/);
    expect(() => assembleClaimResult(claim, obs, { level: 0 })).toThrow(/`options.level`/);
  });
  it('assembleClaimResult captures a failing figure as status "failed"', async () => {
    const claim = syntheticClaim();
    const obs = await measureClaimPoints(claim);
    const r = assembleClaimResult(
      {
        ...claim,
        figure: () => {
          throw new Error('no figure');
        },
      },
      obs,
    );
    expect(r.status).toBe('failed');
    expect(r.error).toEqual({ stage: 'figure', name: 'Error', message: 'no figure' });
  });
});
