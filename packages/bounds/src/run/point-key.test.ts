import { foldIn, key } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { pointKey } from './point-key.ts';

describe('pointKey', () => {
  it('pointKey(seed, id, i) is foldIn(foldIn(key(seed), fnv1a(id)), i)', () => {
    // fnv1a_32('a') = 0xe40c292c (FNV reference vector).
    expect([...pointKey(3, 'a', 5)]).toEqual([...foldIn(foldIn(key(3), 0xe40c292c), 5)]);
  });
  it('pointKey differs across seeds, ids and indices', () => {
    const base = [...pointKey(0, 'claim-a', 0)];
    expect([...pointKey(1, 'claim-a', 0)]).not.toEqual(base);
    expect([...pointKey(0, 'claim-b', 0)]).not.toEqual(base);
    expect([...pointKey(0, 'claim-a', 1)]).not.toEqual(base);
    expect([...pointKey(0, 'claim-a', 0)]).toEqual(base);
  });
  it('pointKey rejects a bad seed or index', () => {
    expect(() => pointKey(0.5, 'a', 0)).toThrow(/key: invalid argument. `seed`/);
    expect(() => pointKey(0, 'a', -1)).toThrow(/foldIn: invalid argument. `data`/);
  });
});
