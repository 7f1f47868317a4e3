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
// claims-analytic
export {
  ERF_EOC_SIGMA_W2,
  type HayouParams,
  hayouNtkDepthRatesClaim,
  TANH_EOC_SIGMA_W2,
} from './claims/hayou-2019-ntk-depth-rates/claim.ts';
export {
  type LeeParams,
  leeLinearisationWidthClaim,
  leeWidths,
} from './claims/lee-2019-linearisation-width/claim.ts';
export {
  type StArnaudKernelParams,
  stArnaudNormalisedKernelClaim,
} from './claims/st-arnaud-2025-normalised-kernel/claim.ts';
export {
  type StArnaudPredictorParams,
  stArnaudPredictorLimitClaim,
} from './claims/st-arnaud-2025-predictor-limit/claim.ts';
export { type ExtrapolatedLimit, extrapolatedLimit } from './stats/extrapolated-limit.ts';
export { type LinearFit, linearFit } from './stats/linear-fit.ts';
export { meanEstimate } from './stats/mean-estimate.ts';
export { normalQuantile } from './stats/normal-quantile.ts';
export { type PowerLogFit, powerLogFit } from './stats/power-log-fit.ts';
