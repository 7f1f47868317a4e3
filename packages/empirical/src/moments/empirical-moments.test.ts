import { foldIn, key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { gaussianInputs, relErr } from '../../test/helpers.ts';
import { initMlp } from '../network/init-mlp.ts';
import { empiricalNtk } from '../ntk/empirical-ntk.ts';
import { empiricalMoments } from './empirical-moments.ts';
import { empiricalMomentsUnit } from './empirical-moments-unit.ts';
import { mergeMomentsUnits } from './merge-moments-units.ts';
import type { EmpiricalMoments, MomentsConfig, MomentsUnit } from './types.ts';

const spec = { activation: 'tanh', depth: 2, widths: [12, 9], sigmaW2: 1.6, sigmaB2: 0.1 } as const;
const config: MomentsConfig = {
  spec,
  X1: gaussianInputs(key(100), 3, 4),
  X2: gaussianInputs(key(101), 2, 4),
  key: key(7),
  samples: 21,
  perLayer: true,
  blockSize: 4,
};

function bits(m: EmpiricalMoments): number[] {
  const all = [m.ntk, m.nngp, ...(m.layers ?? [])].flatMap((s) => [s.mean, s.variance, s.stdError, s.ratio]);
  const ratios = [m.ntk, m.nngp, ...(m.layers ?? [])].map((s) => s.frobeniusRatio);
  return [...all.flatMap((x) => Array.from(x.data)), ...ratios].flatMap((v) =>
    Array.from(new Uint32Array(Float64Array.of(v).buffer)),
  );
}

describe('empiricalMoments', () => {
  it('empiricalMoments: mean and variance equal a two-pass computation over the same K initialisations', async () => {
    const m = await empiricalMoments(config);
    const K = config.samples;
    const xs: Float64Array[] = [];
    for (let k = 0; k < K; k++) {
      const net = initMlp(spec, foldIn(config.key, k), 4);
      xs.push((await empiricalNtk(net, config.X1, config.X2)).ntk.data);
    }
    const size = xs[0]!.length;
    const mean = new Float64Array(size);
    const variance = new Float64Array(size);
    for (const x of xs) for (let i = 0; i < size; i++) mean[i]! += x[i]! / K;
    for (const x of xs) for (let i = 0; i < size; i++) variance[i]! += (x[i]! - mean[i]!) ** 2 / (K - 1);
    // Welford and the two-pass formula differ by rounding only: ≈ K·2⁻⁵³ relative, far below 1e-12.
    expect(relErr(m.ntk.mean.data, mean)).toBeLessThan(1e-12);
    expect(relErr(m.ntk.variance.data, variance)).toBeLessThan(1e-12);
    for (let i = 0; i < size; i++) {
      expect(m.ntk.stdError.data[i]).toBeCloseTo(Math.sqrt(variance[i]! / K), 12);
      const ex2 = xs.reduce((s, x) => s + x[i]! ** 2, 0) / K;
      expect(Math.abs(m.ntk.ratio.data[i]! / (ex2 / mean[i]! ** 2) - 1)).toBeLessThan(1e-12);
    }
    let num = 0;
    let den = 0;
    for (let i = 0; i < size; i++) {
      num += xs.reduce((s, x) => s + x[i]! ** 2, 0) / K;
      den += mean[i]! ** 2;
    }
    expect(Math.abs(m.ntk.frobeniusRatio / (num / den) - 1)).toBeLessThan(1e-12);
    expect(m.samples).toBe(K);
    expect(m.shape).toEqual([3, 2]);
    expect(m.layers).toHaveLength(3);
    // Per-layer means sum to the NTK mean.
    const sum = new Float64Array(size);
    for (const l of m.layers!) for (let i = 0; i < size; i++) sum[i]! += l.mean.data[i]!;
    expect(relErr(sum, m.ntk.mean.data)).toBeLessThan(1e-13);
  });

  it('empiricalMoments: units run separately (any split, any order, through JSON) merge to the single run bit for bit', async () => {
    const single = await empiricalMoments(config);
    const a = await empiricalMomentsUnit(config, 0, 8);
    const b = await empiricalMomentsUnit(config, 8, 12);
    const c = await empiricalMomentsUnit(config, 12, 21);
    const viaJson = [c, a, b].map((u) => JSON.parse(JSON.stringify(u)) as MomentsUnit);
    expect(bits(mergeMomentsUnits(viaJson))).toEqual(bits(single));
    const d = await empiricalMomentsUnit(config, 0, 4);
    const e = await empiricalMomentsUnit(config, 4, 21);
    expect(bits(mergeMomentsUnits([e, d]))).toEqual(bits(single));
  });

  it('empiricalMoments({ workers: 2 }) equals the in-thread run bit for bit and reports progress', async () => {
    const single = await empiricalMoments(config);
    const seen: number[] = [];
    const threaded = await empiricalMoments(config, { workers: 2, onProgress: (p) => seen.push(p.done) });
    expect(bits(threaded)).toEqual(bits(single));
    expect(seen).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('empiricalMoments reports progress in-thread and stops on abort (in-thread and workers)', async () => {
    const progress: [number, number][] = [];
    await empiricalMoments(
      { ...config, samples: 5 },
      { onProgress: (p) => progress.push([p.done, p.total]) },
    );
    expect(progress).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
    for (const workers of [0, 2]) {
      const ac = new AbortController();
      let calls = 0;
      const run = empiricalMoments(config, {
        workers,
        signal: ac.signal,
        onProgress: (p) => {
          calls++;
          if (p.done === 3) ac.abort();
        },
      });
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(calls).toBeLessThan(config.samples);
    }
    const pre = new AbortController();
    pre.abort();
    await expect(empiricalMoments(config, { signal: pre.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('empiricalMoments with chosen entries gives the same statistics as those entries of the full run', async () => {
    const full = await empiricalMoments(config);
    const some = await empiricalMoments({
      ...config,
      entries: [
        [2, 1],
        [0, 0],
      ],
    });
    expect(some.shape).toEqual([2, 1]);
    expect(Array.from(some.ntk.mean.data)).toEqual([full.ntk.mean.get(2, 1), full.ntk.mean.get(0, 0)]);
    expect(Array.from(some.nngp.variance.data)).toEqual([
      full.nngp.variance.get(2, 1),
      full.nngp.variance.get(0, 0),
    ]);
  });

  it('empiricalMoments rejects bad configs and options', async () => {
    await expect(empiricalMoments({ ...config, samples: 0 })).rejects.toThrow(/config\.samples/);
    await expect(empiricalMoments({ ...config, spec: { activation: 'relu', depth: 1 } })).rejects.toThrow(
      /spec\.widths/,
    );
    await expect(empiricalMoments({ ...config, spec: { ...spec, widths: [12, 0.5] } })).rejects.toThrow(
      /spec\.widths\[1\]/,
    );
    await expect(empiricalMoments({ ...config, X2: gaussianInputs(key(1), 2, 3) })).rejects.toThrow(
      /config\.X2/,
    );
    await expect(empiricalMoments({ ...config, entries: [[3, 0]] })).rejects.toThrow(
      /config\.entries\[0\]\[0\]/,
    );
    await expect(empiricalMoments({ ...config, key: 5 as never })).rejects.toThrow(/config\.key/);
    await expect(empiricalMoments(config, { workers: -1 })).rejects.toThrow(/options\.workers/);
    await expect(empiricalMoments(null as never)).rejects.toThrow(/empiricalMoments.*`config`/);
  });
});

describe('empiricalMomentsUnit', () => {
  it('empiricalMomentsUnit rejects ranges not aligned to blocks or outside [0, K]', async () => {
    await expect(empiricalMomentsUnit(config, 1, 8)).rejects.toThrow(
      /`start` must be a multiple of the block size 4/,
    );
    await expect(empiricalMomentsUnit(config, 0, 6)).rejects.toThrow(/`end`/);
    await expect(empiricalMomentsUnit(config, 0, 22)).rejects.toThrow(/`end`/);
  });
});

describe('mergeMomentsUnits', () => {
  it('mergeMomentsUnits rejects missing, repeated and foreign units', async () => {
    const a = await empiricalMomentsUnit(config, 0, 8);
    const b = await empiricalMomentsUnit(config, 8, 21);
    expect(() => mergeMomentsUnits([a])).toThrow(/exactly once/);
    expect(() => mergeMomentsUnits([a, a, b])).toThrow(/exactly once/);
    const other = await empiricalMomentsUnit({ ...config, key: key(8) }, 8, 21);
    expect(() => mergeMomentsUnits([a, other])).toThrow(/same config/);
    expect(() => mergeMomentsUnits([])).toThrow(/mergeMomentsUnits.*`units`/);
  });
});
