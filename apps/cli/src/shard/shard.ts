import { UsageError } from '../errors/usage-error.ts';

/** Shard k of n (1-based `index`, as written on the command line: `--shard 2/3`). */
export interface Shard {
  /** Which shard, 1..count. */
  readonly index: number;
  /** How many shards. */
  readonly count: number;
}

/**
 * Parses `--shard k/n` (1 ≤ k ≤ n, n ≥ 1).
 *
 * @param text - The flag's value, e.g. `2/3`.
 * @returns The shard.
 * @throws {UsageError} For anything else.
 * @example
 * ```ts
 * parseShard('2/3'); // { index: 2, count: 3 }
 * ```
 */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || !(count >= 1) || !(index >= 1 && index <= count) || !Number.isSafeInteger(count)) {
    throw new UsageError(`--shard must be k/n with 1 ≤ k ≤ n (e.g. 2/3), got ${JSON.stringify(text)}`);
  }
  return { index, count };
}

/**
 * The items of shard k/n among `total` work items 0..total−1, as the half-open range [start, end): contiguous
 * and balanced (sizes differ by at most one; the first total mod n shards get one more). Every item is in
 * exactly one shard, and the ranges are in shard order, so concatenating shards 1..n gives 0..total−1.
 *
 * Ranges can be rounded to a multiple `unit` (e.g. a Monte-Carlo block size): whole units are shared out as
 * above, and the last shard also takes the partial unit at the end.
 *
 * @param shard - Shard k of n.
 * @param total - Number of work items (≥ 0).
 * @param unit - Granularity (default 1).
 * @returns `[start, end)`; may be empty when there are fewer units than shards.
 * @example
 * ```ts
 * shardRange({ index: 1, count: 3 }, 10); // [0, 4]
 * shardRange({ index: 3, count: 3 }, 10); // [7, 10]
 * ```
 */
export function shardRange(shard: Shard, total: number, unit = 1): readonly [number, number] {
  const units = Math.floor(total / unit);
  const base = Math.floor(units / shard.count);
  const extra = units % shard.count;
  const k = shard.index - 1;
  const startUnit = k * base + Math.min(k, extra);
  const endUnit = startUnit + base + (k < extra ? 1 : 0);
  const start = startUnit * unit;
  const end = shard.index === shard.count ? total : endUnit * unit;
  return [start, end];
}
