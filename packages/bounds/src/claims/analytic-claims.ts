import type { Claim } from '../claim/types.ts';

/** The claims measured with the analytic (infinite-width) recursions (filled in claim by claim). */
export const analyticClaims: readonly Claim[] = [];
