import { argumentError } from '@ntk/core';
import type { Claim } from '../claim/types.ts';
import { claims } from './claims.ts';

/**
 * The registry's claim with this id.
 *
 * @param id - A claim id (see {@link claimIds}).
 * @param registry - Where to look (default: the registry, {@link claims}).
 * @returns The claim.
 * @throws ArgumentRangeError if no claim has this id; the message lists the known ids.
 * @example
 * ```ts
 * const claim = findClaim('hanin-nica-2020-theorem-1');
 * ```
 */
export function findClaim(id: string, registry: readonly Claim[] = claims): Claim {
  const found = registry.find((c) => c.id === id);
  if (found === undefined) {
    const known = registry.map((c) => c.id);
    throw argumentError(
      'range',
      'findClaim',
      'id',
      known.length === 0
        ? 'a known claim id (the registry is empty)'
        : `one of the known claim ids: ${known.join(', ')}`,
      id,
    );
  }
  return found;
}
