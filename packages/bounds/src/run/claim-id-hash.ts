import { argumentError } from '@ntk/core';

/**
 * A stable 32-bit hash of a claim id: FNV-1a (32-bit) over the id's UTF-8 bytes, as an unsigned integer.
 * The runner folds it into the run's key, so a grid point's key depends only on the seed, the claim id and
 * the point's index (never on the order in which claims run, nor on the machine): shards of one run give
 * the same keys as the whole run.
 *
 * Formula: h₀ = 2166136261; for each byte b: h ← (h ⊕ b) · 16777619 mod 2³²
 * (Fowler, Noll and Vo; the parameters of the reference `fnv1a_32`).
 *
 * @param id - The claim id.
 * @returns An integer in [0, 2³² − 1].
 * @throws ArgumentTypeError if `id` is not a string.
 * @example
 * ```ts
 * claimIdHash('a'); // 0xe40c292c (3826002220)
 * ```
 */
export function claimIdHash(id: string): number {
  if (typeof id !== 'string') throw argumentError('type', 'claimIdHash', 'id', 'a string', id);
  const bytes = new TextEncoder().encode(id);
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}
