import type { Claim } from '../claim/types.ts';
import { hayouNtkDepthRatesClaim } from './hayou-2019-ntk-depth-rates/claim.ts';
import { leeLinearisationWidthClaim } from './lee-2019-linearisation-width/claim.ts';
import { stArnaudNormalisedKernelClaim } from './st-arnaud-2025-normalised-kernel/claim.ts';
import { stArnaudPredictorLimitClaim } from './st-arnaud-2025-predictor-limit/claim.ts';

/** The claims measured with the analytic (infinite-width) recursions (filled in claim by claim). */
export const analyticClaims: readonly Claim[] = [
  hayouNtkDepthRatesClaim,
  stArnaudNormalisedKernelClaim,
  stArnaudPredictorLimitClaim,
  // Measured by training (method 'training'), listed here by the split of the work (BOUNDS.md).
  leeLinearisationWidthClaim,
];
