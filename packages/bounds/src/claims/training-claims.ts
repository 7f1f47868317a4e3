import type { Claim } from '../claim/types.ts';
import { seleznovaKutyniok2021NtkChangeByPhaseClaim } from './seleznova-kutyniok-2021-ntk-change-by-phase/claim.ts';
import { stArnaud2025ActivationDeviationWidthClaim } from './st-arnaud-2025-activation-deviation-width/claim.ts';
import { stArnaud2025DepthStoppingTimeClaim } from './st-arnaud-2025-depth-stopping-time/claim.ts';

/** The claims measured by training finite networks (filled in claim by claim). */
export const trainingClaims: readonly Claim[] = [
  seleznovaKutyniok2021NtkChangeByPhaseClaim as unknown as Claim,
  stArnaud2025ActivationDeviationWidthClaim as unknown as Claim,
  stArnaud2025DepthStoppingTimeClaim as unknown as Claim,
];
