import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { comparable, syntheticClaim } from '../../test/synthetic-claim.ts';
import { pointCachePath } from './point-cache-path.ts';
import { pointObservationFromJson } from './point-observation-json.ts';
import { runClaim } from './run-claim.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ntk-bounds-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pointCachePath', () => {
  it('pointCachePath(dir, id, budget, seed, i) is <dir>/<id>/<budget>-seed<seed>/point-<i>.json', () => {
    expect(pointCachePath('/c/', 'my-claim', 'full', 3, 7)).toBe('/c/my-claim/full-seed3/point-7.json');
  });
});

describe('runClaim with cacheDir / resume (seed 2, full budget)', () => {
  it('an interrupted run resumes and measures only the rest; the result equals an uninterrupted run', async () => {
    const calls: number[] = [];
    const controller = new AbortController();
    const claim = syntheticClaim({ fullSamples: 600, onMeasure: (_p, i) => calls.push(i) });
    const options = { budget: 'full', seed: 2, cacheDir: dir } as const;
    // Abort as soon as point 1 is finished (and cached).
    const first = runClaim(claim, {
      ...options,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.pointIndex === 1 && p.pointFraction === 1) controller.abort();
      },
    });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toEqual([0, 1]);
    const files = await readdir(join(dir, 'synthetic-mean', 'full-seed2'));
    expect(files.sort()).toEqual(['point-0.json', 'point-1.json']); // no temporary files left
    const resumed = await runClaim(claim, { ...options, resume: true });
    expect(calls).toEqual([0, 1, 2, 3, 4, 5]);
    expect(resumed.observations.map((p) => p.source)).toEqual([
      'cache',
      'cache',
      'measured',
      'measured',
      'measured',
      'measured',
    ]);
    const uninterrupted = await runClaim(syntheticClaim({ fullSamples: 600 }), { budget: 'full', seed: 2 });
    expect(comparable(resumed)).toEqual(comparable(uninterrupted));
    // A third run reuses everything.
    await runClaim(claim, { ...options, resume: true });
    expect(calls).toHaveLength(6);
  });
  it('without resume the cache is written but not read', async () => {
    let calls = 0;
    const claim = syntheticClaim({ onMeasure: () => calls++ });
    await runClaim(claim, { cacheDir: dir });
    await runClaim(claim, { cacheDir: dir });
    expect(calls).toBe(8);
    const text = await readFile(pointCachePath(dir, 'synthetic-mean', 'quick', 0, 2), 'utf8');
    const { observation } = pointObservationFromJson(text);
    expect(observation).toMatchObject({
      claimId: 'synthetic-mean',
      budget: 'quick',
      seed: 0,
      index: 2,
      params: { mu: 2 },
    });
    expect(observation.measurement.values['nan']?.value).toBeNaN(); // lossless, unlike the result's null
  });
  it('a cached point whose fingerprint does not match (other seed, params, version) or is corrupt is measured again', async () => {
    let calls = 0;
    const claim = syntheticClaim({ onMeasure: () => calls++ });
    await runClaim(claim, { cacheDir: dir });
    expect(calls).toBe(4);
    // Other params at the same grid index: the fingerprint fails for that point only.
    const changed = {
      ...claim,
      grid: { ...claim.grid, quick: [{ mu: 0.5 }, { mu: 1 }, { mu: 2 }, { mu: 5 }] },
    };
    await runClaim(changed, { cacheDir: dir, resume: true });
    expect(calls).toBe(5);
    // A corrupt file and a file from another version.
    await writeFile(pointCachePath(dir, 'synthetic-mean', 'quick', 0, 0), '{ not json');
    const p1 = pointCachePath(dir, 'synthetic-mean', 'quick', 0, 1);
    const old = JSON.parse(await readFile(p1, 'utf8'));
    await writeFile(p1, JSON.stringify({ ...old, boundsVersion: '0.0.0-old' }));
    await runClaim(changed, { cacheDir: dir, resume: true });
    expect(calls).toBe(7);
    // Another seed has its own directory.
    await runClaim(claim, { cacheDir: dir, resume: true, seed: 1 });
    expect(calls).toBe(11);
  });
  it('a cache that cannot be written fails the claim with stage "cache"', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    const r = await runClaim(syntheticClaim(), { cacheDir: file });
    expect(r.status).toBe('failed');
    expect(r.error?.stage).toBe('cache');
  });
});
