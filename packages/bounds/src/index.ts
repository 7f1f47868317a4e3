/**
 * Published Neural Tangent Kernel claims (theorems, rates, bounds) as runnable checks: the theory's
 * prediction beside a measurement, with a verdict computed from the measurement's own statistics.
 *
 * @packageDocumentation
 * @module @ntk/bounds
 */
export {
  type EvaluateTestsOptions,
  evaluateTests,
  type TestResult,
  type TestsEvaluation,
} from './claim/evaluate-tests.ts';
export type {
  AcceptRegion,
  Budget,
  Citation,
  Claim,
  ClaimMethod,
  ClaimParams,
  ClaimTest,
  Estimate,
  FigureData,
  FigureSeries,
  MeasureContext,
  Measurement,
  MeasureProgress,
  Observation,
  ParamValue,
  Prediction,
  Verdict,
} from './claim/types.ts';
// claims-mc
export {
  HANIN_NICA_MEAN_MARGIN,
  type HaninNicaMeanParams,
  haninNica2020MeanClaim,
} from './claims/hanin-nica-2020-mean/claim.ts';
export {
  type HaninNicaSgdUpdateParams,
  haninNica2020SgdUpdateClaim,
} from './claims/hanin-nica-2020-sgd-update/claim.ts';
export {
  HANIN_NICA_LOG_CONSTANT,
  type HaninNicaVarianceParams,
  haninNica2020VarianceClaim,
} from './claims/hanin-nica-2020-variance/claim.ts';
export {
  JACOT_INIT_SLOPE_BAND,
  JACOT_SPEC,
  type JacotInitParams,
  jacot2018InitConvergenceClaim,
} from './claims/jacot-2018-init-convergence/claim.ts';
export {
  type JacotTrainingParams,
  jacot2018TrainingStabilityClaim,
} from './claims/jacot-2018-training-stability/claim.ts';
export {
  SELEZNOVA_GROWTH_THRESHOLD,
  type SeleznovaKutyniokDispersionParams,
  seleznovaKutyniok2022DispersionClaim,
} from './claims/seleznova-kutyniok-2022-dispersion/claim.ts';
export { type JackknifeOptions, jackknife } from './stats/jackknife.ts';
export { type LinearFit, linearFit } from './stats/linear-fit.ts';
export { meanEstimate } from './stats/mean-estimate.ts';
export { normalQuantile } from './stats/normal-quantile.ts';
