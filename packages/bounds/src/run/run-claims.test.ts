import { describe, expect, it } from 'vitest';
import { comparable, syntheticClaim } from '../../test/synthetic-claim.ts';
import { runClaim } from './run-claim.ts';
import { type RunClaimsProgress, runClaims } from './run-claims.ts';

describe('runClaims (synthetic claims, seed 0)', () => {
  it('runClaims(claims) runs them in order and returns results, budget, seed, versions and timing', async () => {
    const a = syntheticClaim({ id: 'claim-a' });
    const b = syntheticClaim({ id: 'claim-b', shift: 0.5 });
    const run = await runClaims([a, b], { seed: 0 });
    expect(run.results.map((r) => [r.claimId, r.verdict])).toEqual([
      ['claim-a', 'supported'],
      ['claim-b', 'contradicted'],
    ]);
    expect(run.budget).toBe('quick');
    expect(run.seed).toBe(0);
    expect(run.versions['@ntk/bounds']).toBeDefined();
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    // A claim's result does not depend on what else runs with it.
    expect(comparable(run.results[1])).toEqual(comparable(await runClaim(b)));
  });
  it('runClaims reports monotone overall progress, claim i of n, ending at 1', async () => {
    const events: RunClaimsProgress[] = [];
    const seen: string[] = [];
    await runClaims([syntheticClaim({ id: 'claim-a' }), syntheticClaim({ id: 'claim-b' })], {
      onProgress: (p) => events.push(p),
      onResult: (r, i) => seen.push(`${i}:${r.claimId}`),
    });
    expect(seen).toEqual(['0:claim-a', '1:claim-b']);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.fraction).toBeGreaterThanOrEqual(events[i - 1]?.fraction as number);
    }
    expect(events.at(-1)).toMatchObject({
      fraction: 1,
      claimPosition: 1,
      claimCount: 2,
      claimId: 'claim-b',
      remainingMs: 0,
    });
    expect(events.find((e) => e.claimId === 'claim-b')?.fraction).toBeGreaterThanOrEqual(0.5);
    expect(events[0]?.claim?.pointCount).toBe(4);
  });
  it('runClaims captures a failing claim and goes on', async () => {
    const broken = syntheticClaim({
      id: 'claim-broken',
      onMeasure: () => {
        throw new Error('broken');
      },
    });
    const run = await runClaims([broken, syntheticClaim({ id: 'claim-ok' }), { id: 'x' } as never]);
    expect(run.results.map((r) => r.status)).toEqual(['failed', 'ok', 'failed']);
    expect(run.results[0]?.error?.message).toBe('broken');
    expect(run.results[2]?.error?.stage).toBe('setup');
  });
  it('runClaims stops on cancellation with an AbortError', async () => {
    const controller = new AbortController();
    const run = runClaims([syntheticClaim({ id: 'claim-a' }), syntheticClaim({ id: 'claim-b' })], {
      signal: controller.signal,
      onResult: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
  it('runClaims rejects unknown ids (listing the known ones) and bad selections before running', async () => {
    await expect(runClaims(['no-such-claim'])).rejects.toThrow(/findClaim: invalid argument. `id`/);
    await expect(runClaims('some' as never)).rejects.toThrow(/runClaims: invalid argument. `selection`/);
    await expect(runClaims([], { budget: 'x' as never })).rejects.toThrow(
      /runClaims: invalid argument. `options.budget`/,
    );
  });
});
