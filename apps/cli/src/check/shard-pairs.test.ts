import { fc, test } from '@fast-check/vitest';
import type { Claim } from '@ntk/bounds';
import { describe, expect, it } from 'vitest';
import { pairShard, shardClaimPoints } from './shard-pairs.ts';

const claimWith = (id: string, points: number): Claim =>
  ({ id, grid: { quick: Array.from({ length: points }, (_, i) => ({ i })), full: [] } }) as unknown as Claim;

describe('shardClaimPoints', () => {
  it('deals the (claim, point) pairs round-robin in claim then point order', () => {
    const claims = [claimWith('a', 5), claimWith('b', 4)];
    const of = (k: number) => shardClaimPoints(claims, 'quick', { index: k, count: 3 }).map((p) => p.points);
    expect(of(1)).toEqual([[0, 3], [1]]);
    expect(of(2)).toEqual([[1, 4], [2]]);
    expect(of(3)).toEqual([[2], [0, 3]]);
  });

  it('gives every pair to one shard only: 1/1 is the whole run', () => {
    const claims = [claimWith('a', 2), claimWith('b', 1)];
    expect(shardClaimPoints(claims, 'quick', { index: 1, count: 1 }).map((p) => p.points)).toEqual([
      [0, 1],
      [0],
    ]);
    expect(shardClaimPoints(claims, 'quick', { index: 5, count: 5 }).map((p) => p.points)).toEqual([[], []]);
  });

  test.prop([
    fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
    fc.integer({ min: 1, max: 9 }),
  ])('partitions the pairs, and pair j is in shard pairShard(j, n)', (sizes, n) => {
    const claims = sizes.map((s, c) => claimWith(`c${c}`, s));
    const owner = new Map<string, number>();
    for (let k = 1; k <= n; k++) {
      for (const { claim, points } of shardClaimPoints(claims, 'quick', { index: k, count: n })) {
        for (const i of points) {
          const id = `${claim.id}#${i}`;
          expect(owner.has(id)).toBe(false);
          owner.set(id, k);
        }
      }
    }
    let j = 0;
    sizes.forEach((s, c) => {
      for (let i = 0; i < s; i++, j++) expect(owner.get(`c${c}#${i}`)).toBe(pairShard(j, n));
    });
    expect(owner.size).toBe(j);
  });
});
