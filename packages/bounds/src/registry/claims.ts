import type { Claim } from '../claim/types.ts';
import { analyticClaims } from '../claims/analytic-claims.ts';
import { monteCarloClaims } from '../claims/monte-carlo-claims.ts';
import { trainingClaims } from '../claims/training-claims.ts';

/**
 * The registry: every published claim `@ntk/bounds` checks, in a fixed order (Monte-Carlo claims, then
 * analytic, then training). Run them with {@link runClaims}, look one up with {@link findClaim}.
 *
 * @example
 * ```ts
 * for (const c of claims) console.log(c.id, c.citation.arxiv, c.citation.locator);
 * ```
 */
export const claims: readonly Claim[] = Object.freeze([
  ...monteCarloClaims,
  ...analyticClaims,
  ...trainingClaims,
]);
