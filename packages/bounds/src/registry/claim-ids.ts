import { claims } from './claims.ts';

/**
 * The ids of the registry's claims, in registry order.
 *
 * @returns The ids.
 * @example
 * ```ts
 * claimIds(); // ['hanin-nica-2020-theorem-1', …]
 * ```
 */
export function claimIds(): string[] {
  return claims.map((c) => c.id);
}
