import type { Claim } from '../claim/types.ts';

/** The claims measured by Monte-Carlo over random initialisations (filled in claim by claim). */
export const monteCarloClaims: readonly Claim[] = [];
