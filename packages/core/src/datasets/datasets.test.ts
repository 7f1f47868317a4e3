import { describe, expect, it } from 'vitest';
import { key } from '../random/key.ts';
import { gaussianCloud } from './gaussian-cloud.ts';
import { loadMnist, MNIST_PIXELS } from './mnist.ts';
import { pointsAtAngles } from './points-at-angles.ts';
import { sphere } from './sphere.ts';

const norm = (r: Float64Array) => Math.sqrt(r.reduce((s, v) => s + v * v, 0));
const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);

describe('sphere(k, n, d)', () => {
  it('puts every point at radius √d by default, and at the given radius', () => {
    const x = sphere(key(1), 20, 16);
    for (let i = 0; i < 20; i++) expect(norm(x.row(i))).toBeCloseTo(4, 12);
    const y = sphere(key(1), 3, 5, { radius: 2 });
    expect(norm(y.row(2))).toBeCloseTo(2, 12);
  });
  it('is uniform: the mean of x/r is 0 within 5 standard errors (n = 4000, d = 3, seed 2)', () => {
    const n = 4000;
    const x = sphere(key(2), n, 3, { radius: 1 });
    for (let j = 0; j < 3; j++) {
      let m = 0;
      for (let i = 0; i < n; i++) m += x.get(i, j);
      // Var of one coordinate on S² is 1/3.
      expect(Math.abs(m / n)).toBeLessThan(5 * Math.sqrt(1 / 3 / n));
    }
  });
  it('rejects bad sizes and radius', () => {
    expect(() => sphere(key(0), -1, 3)).toThrow(RangeError);
    expect(() => sphere(key(0), 2, 0)).toThrow(RangeError);
    expect(() => sphere(key(0), 2, 3, { radius: 0 })).toThrow(/options.radius/);
    expect(() => sphere(null as never, 2, 3)).toThrow(TypeError);
  });
});

describe('pointsAtAngles(thetas, d)', () => {
  it('pairwise angles are |θi − θj| and norms are √d (fixed and random plane)', () => {
    const thetas = [0, 0.3, 1.2, Math.PI / 2, 3];
    for (const options of [{}, { key: key(3) }]) {
      const x = pointsAtAngles(thetas, 10, options);
      for (let i = 0; i < thetas.length; i++) {
        expect(norm(x.row(i))).toBeCloseTo(Math.sqrt(10), 12);
        for (let j = 0; j < thetas.length; j++) {
          const c = dot(x.row(i), x.row(j)) / 10;
          expect(c).toBeCloseTo(Math.cos((thetas[i] as number) - (thetas[j] as number)), 12);
        }
      }
    }
  });
  it('rejects non-finite angles, d < 2 and non-arrays', () => {
    expect(() => pointsAtAngles([0, Number.NaN], 3)).toThrow(/thetas\[1\]/);
    expect(() => pointsAtAngles([0], 1)).toThrow(RangeError);
    expect(() => pointsAtAngles(0.5 as never, 3)).toThrow(TypeError);
    expect(() => pointsAtAngles([0], 3, { radius: -1 })).toThrow(RangeError);
  });
});

describe('gaussianCloud(k, n, d)', () => {
  it('has the requested mean and std within 5 standard errors (n = 20000, seed 4)', () => {
    const n = 20000;
    const x = gaussianCloud(key(4), n, 2, { mean: [3, -1], std: 0.5 });
    for (const [j, mu] of [
      [0, 3],
      [1, -1],
    ] as const) {
      let m = 0;
      let s = 0;
      for (let i = 0; i < n; i++) m += x.get(i, j);
      m /= n;
      for (let i = 0; i < n; i++) s += (x.get(i, j) - m) ** 2;
      expect(Math.abs(m - mu)).toBeLessThan(5 * (0.5 / Math.sqrt(n)));
      expect(Math.abs(Math.sqrt(s / (n - 1)) - 0.5)).toBeLessThan(5 * (0.5 / Math.sqrt(2 * n)));
    }
  });
  it('rejects a bad std, mean length and non-finite mean', () => {
    expect(() => gaussianCloud(key(0), 2, 2, { std: 0 })).toThrow(RangeError);
    expect(() => gaussianCloud(key(0), 2, 2, { mean: [1] })).toThrow(/options.mean/);
    expect(() => gaussianCloud(key(0), 2, 2, { mean: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => gaussianCloud(key(0), 2, 2, { mean: [0, Number.NaN] })).toThrow(/options.mean\[1\]/);
  });
});

describe('loadMnist(options)', () => {
  it('returns normalised digits with one-hot labels, interleaved by digit', async () => {
    const { x, y, labels } = await loadMnist({ n: 20, digits: [3, 7] });
    expect(x.shape).toEqual([20, MNIST_PIXELS]);
    expect(y.shape).toEqual([20, 10]);
    expect(Array.from(labels.subarray(0, 4))).toEqual([3, 7, 3, 7]);
    for (let i = 0; i < 20; i++) {
      expect(y.get(i, labels[i] as number)).toBe(1);
      const r = x.row(i);
      expect(norm(r)).toBeCloseTo(28, 10); // sphere normalisation: ‖x‖ = √784
      expect(Math.abs(r.reduce((s, v) => s + v, 0))).toBeLessThan(1e-9);
    }
  });
  it('raw pixels are in [0, 1] with normalise: none, and a key shuffles reproducibly', async () => {
    const raw = await loadMnist({ n: 10, normalise: 'none' });
    expect(raw.x.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    const a = await loadMnist({ n: 10, key: key(5) });
    const b = await loadMnist({ n: 10, key: key(5) });
    expect(Array.from(a.x.data)).toEqual(Array.from(b.x.data));
    const c = await loadMnist({ n: 10 });
    expect(Array.from(a.x.data)).not.toEqual(Array.from(c.x.data));
  });
  it('rejects bad n, digits and normalisation', async () => {
    await expect(loadMnist({ n: 0 })).rejects.toThrow(RangeError);
    await expect(loadMnist({ digits: [10] })).rejects.toThrow(/options.digits\[0\]/);
    await expect(loadMnist({ digits: [] })).rejects.toThrow(TypeError);
    await expect(loadMnist({ normalise: 'zscore' as never })).rejects.toThrow(/options.normalise/);
    await expect(loadMnist({ n: 5000, digits: [1] })).rejects.toThrow(/options.n/);
  });
});
