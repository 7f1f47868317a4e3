import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { foldIn, key, randomBits, splitKey } from './key.ts';
import { normal, permutation, uniform } from './sample.ts';

const SEED = 7; // fast-check seed, fixed and printed here
const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
const variance = (x: Float64Array) => {
  const m = mean(x);
  return x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
};
const corr = (a: Float64Array, b: Float64Array) => {
  const ma = mean(a);
  const mb = mean(b);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] as number) - ma) * ((b[i] as number) - mb);
  return s / (a.length - 1) / Math.sqrt(variance(a) * variance(b));
};

describe('key(seed)', () => {
  test.prop([fc.integer({ min: -(2 ** 52), max: 2 ** 52 })], { seed: SEED })(
    'same seed gives the same stream',
    (s) => {
      expect(Array.from(randomBits(key(s), 9))).toEqual(Array.from(randomBits(key(s), 9)));
      expect(Array.from(normal(key(s), 5))).toEqual(Array.from(normal(key(s), 5)));
    },
  );
  it('different seeds give different streams', () => {
    expect(Array.from(randomBits(key(1), 4))).not.toEqual(Array.from(randomBits(key(2), 4)));
  });
  it('key(seed) stores the high and low words of the seed', () => {
    expect(Array.from(key(2 ** 32 + 5))).toEqual([1, 5]);
    expect(Array.from(key(-1))).toEqual([0xffffffff, 0xffffffff]);
  });
  it('rejects non-numbers, fractions and unsafe integers', () => {
    expect(() => key('1' as never)).toThrow(TypeError);
    expect(() => key(1.5)).toThrow(/key: invalid argument. `seed` must be a safe integer. Value: `1.5`./);
    expect(() => key(2 ** 60)).toThrow(RangeError);
  });
});

describe('randomBits(k, count)', () => {
  it('a prefix of a longer stream equals a shorter stream (odd lengths too)', () => {
    const long = randomBits(key(3), 11);
    expect(Array.from(randomBits(key(3), 7))).toEqual(Array.from(long.subarray(0, 7)));
  });
  it('rejects a bad key and a bad count', () => {
    expect(() => randomBits([1, 2] as never, 2)).toThrow(TypeError);
    expect(() => randomBits(key(0), -1)).toThrow(RangeError);
  });
});

describe('splitKey(k, n) and foldIn(k, i)', () => {
  it('children are distinct from each other and from the parent', () => {
    const k = key(11);
    const kids = splitKey(k, 4);
    const streams = [k, ...kids].map((c) => Array.from(randomBits(c, 2)).join(','));
    expect(new Set(streams).size).toBe(5);
    expect(Array.from(foldIn(k, 0))).not.toEqual(Array.from(kids[0] as Uint32Array));
  });
  it('split children are statistically independent: |corr| < 4/√n (n = 20000, seed 12)', () => {
    const n = 20000;
    const [a, b] = splitKey(key(12));
    const za = normal(a as Uint32Array, n);
    const zb = normal(b as Uint32Array, n);
    expect(Math.abs(corr(za, zb))).toBeLessThan(4 / Math.sqrt(n));
  });
  it('splitting is deterministic', () => {
    expect(splitKey(key(5), 3).map((c) => Array.from(c))).toEqual(
      splitKey(key(5), 3).map((c) => Array.from(c)),
    );
  });
  it('rejects bad n and bad data', () => {
    expect(() => splitKey(key(0), 0)).toThrow(RangeError);
    expect(() => foldIn(key(0), -1)).toThrow(RangeError);
    expect(() => foldIn(key(0), 2 ** 32)).toThrow(RangeError);
    expect(() => splitKey({} as never)).toThrow(TypeError);
  });
});

describe('uniform(k, n) and normal(k, n)', () => {
  const n = 50000;
  it('uniform lies in (0, 1) with mean 1/2 and variance 1/12 within 5 standard errors (seed 21)', () => {
    const u = uniform(key(21), n);
    expect(u.every((v) => v > 0 && v < 1)).toBe(true);
    expect(Math.abs(mean(u) - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    // Var of the sample variance of U(0,1): (1/80 − 1/144)/n.
    expect(Math.abs(variance(u) - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / n));
  });
  it('normal has mean 0, variance 1 and lag-1 correlation 0 within 5 standard errors (seed 22)', () => {
    const z = normal(key(22), n);
    expect(Math.abs(mean(z))).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance(z) - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(corr(z.subarray(0, n - 1), z.subarray(1)))).toBeLessThan(5 / Math.sqrt(n));
    // Fourth moment 3 (Gaussian kurtosis); sd of the sample mean of z^4 is √(105 − 9)/√n.
    const m4 = z.reduce((s, v) => s + v ** 4, 0) / n;
    expect(Math.abs(m4 - 3)).toBeLessThan(5 * Math.sqrt(96 / n));
  });
  it('odd lengths are prefixes of even ones', () => {
    expect(Array.from(normal(key(4), 3))).toEqual(Array.from(normal(key(4), 4).subarray(0, 3)));
  });
  it('fixed values pin the stream across engines (Node and browser must print these)', () => {
    expect(Array.from(randomBits(key(0), 2))).toEqual([0x6b200159, 0x99ba4efe]);
    // Pinned regression values (bit-exact): the browser test of the playground prints and compares the same.
    expect(Array.from(uniform(key(42), 2))).toEqual([0.4267273249722387, 0.015010203820678358]);
    expect(Array.from(normal(key(42), 3))).toEqual([
      1.2992749062638498, 0.12290168358757786, -0.1332208379845268,
    ]);
  });
  it('rejects a bad n', () => {
    expect(() => uniform(key(0), 1.5)).toThrow(RangeError);
    expect(() => normal(key(0), '3' as never)).toThrow(TypeError);
  });
});

describe('permutation(k, n)', () => {
  test.prop([fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 1000 })], { seed: SEED })(
    'is a permutation of 0..n−1',
    (n, s) => {
      const p = permutation(key(s), n);
      expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    },
  );
});
