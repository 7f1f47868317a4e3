import type { Claim } from '../claim/types.ts';

/** The claims measured by training finite networks (filled in claim by claim). */
export const trainingClaims: readonly Claim[] = [];
