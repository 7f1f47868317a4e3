import type { Claim } from '../claim/types.ts';
import { hayouNtkDepthRatesClaim } from './hayou-2019-ntk-depth-rates/claim.ts';

/** The claims measured with the analytic (infinite-width) recursions (filled in claim by claim). */
export const analyticClaims: readonly Claim[] = [hayouNtkDepthRatesClaim];
