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
// claims-train
export {
  type SeleznovaKutyniok2021Params,
  seleznovaKutyniok2021NtkChangeByPhaseClaim,
} from './claims/seleznova-kutyniok-2021-ntk-change-by-phase/claim.ts';
export {
  type StArnaud2025WidthParams,
  stArnaud2025ActivationDeviationWidthClaim,
} from './claims/st-arnaud-2025-activation-deviation-width/claim.ts';
export {
  type StArnaud2025DepthParams,
  stArnaud2025DepthStoppingTimeClaim,
} from './claims/st-arnaud-2025-depth-stopping-time/claim.ts';
export { estimateDifference } from './stats/estimate-difference.ts';
export { type LinearFit, linearFit } from './stats/linear-fit.ts';
export { meanEstimate } from './stats/mean-estimate.ts';
export { normalQuantile } from './stats/normal-quantile.ts';
