import type { Claim } from '../claim/types.ts';
import { seleznovaKutyniok2021NtkChangeByPhaseClaim } from './seleznova-kutyniok-2021-ntk-change-by-phase/claim.ts';
import { stArnaud2025ActivationDeviationWidthClaim } from './st-arnaud-2025-activation-deviation-width/claim.ts';
import { stArnaud2025DepthStoppingTimeClaim } from './st-arnaud-2025-depth-stopping-time/claim.ts';

/**
 * The claims about training: measured by training finite networks, plus the St-Arnaud et al. v2 depth and
 * stopping-time claim (its `method` is `analytic`: the infinite-width predictor), kept beside its sibling.
 */
export const trainingClaims: readonly Claim[] = [
  seleznovaKutyniok2021NtkChangeByPhaseClaim,
  stArnaud2025ActivationDeviationWidthClaim,
  stArnaud2025DepthStoppingTimeClaim,
];
