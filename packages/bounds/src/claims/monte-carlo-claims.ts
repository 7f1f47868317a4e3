import type { Claim } from '../claim/types.ts';
import { haninNica2020MeanClaim } from './hanin-nica-2020-mean/claim.ts';
import { haninNica2020SgdUpdateClaim } from './hanin-nica-2020-sgd-update/claim.ts';
import { haninNica2020VarianceClaim } from './hanin-nica-2020-variance/claim.ts';
import { jacot2018InitConvergenceClaim } from './jacot-2018-init-convergence/claim.ts';
import { jacot2018TrainingStabilityClaim } from './jacot-2018-training-stability/claim.ts';
import { seleznovaKutyniok2022DispersionClaim } from './seleznova-kutyniok-2022-dispersion/claim.ts';

/** The claims measured by Monte-Carlo over random initialisations (filled in claim by claim). */
export const monteCarloClaims: readonly Claim[] = [
  haninNica2020MeanClaim,
  haninNica2020VarianceClaim,
  haninNica2020SgdUpdateClaim,
  seleznovaKutyniok2022DispersionClaim,
  jacot2018InitConvergenceClaim,
  jacot2018TrainingStabilityClaim,
];
