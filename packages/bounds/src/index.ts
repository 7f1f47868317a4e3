/**
 * Published Neural Tangent Kernel claims (theorems, rates, bounds) as runnable checks: the theory's
 * prediction beside a measurement, with a verdict computed from the measurement's own statistics.
 *
 * Run one claim with `runClaim`, several or all with `runClaims`, shards with `measureClaimPoints` +
 * `assembleClaimResult`; the registry is `claims` (`findClaim`, `claimIds`); a `ClaimResult` is plain JSON,
 * rendered by `renderMarkdown` and (its figure) `toVegaLite`. The verdict engine is `evaluateTests`.
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
// claims-analytic
export {
  ERF_EOC_SIGMA_W2,
  type HayouParams,
  hayouNtkDepthRatesClaim,
  TANH_EOC_SIGMA_W2,
} from './claims/hayou-2019-ntk-depth-rates/claim.ts';
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
  type LeeParams,
  leeLinearisationWidthClaim,
  leeWidths,
} from './claims/lee-2019-linearisation-width/claim.ts';
// claims-train
export {
  type SeleznovaKutyniok2021Params,
  seleznovaKutyniok2021NtkChangeByPhaseClaim,
} from './claims/seleznova-kutyniok-2021-ntk-change-by-phase/claim.ts';
export {
  SELEZNOVA_GROWTH_THRESHOLD,
  type SeleznovaKutyniokDispersionParams,
  seleznovaKutyniok2022DispersionClaim,
} from './claims/seleznova-kutyniok-2022-dispersion/claim.ts';
export {
  type StArnaud2025WidthParams,
  stArnaud2025ActivationDeviationWidthClaim,
} from './claims/st-arnaud-2025-activation-deviation-width/claim.ts';
export {
  type StArnaud2025DepthParams,
  stArnaud2025DepthStoppingTimeClaim,
} from './claims/st-arnaud-2025-depth-stopping-time/claim.ts';
export {
  type StArnaudKernelParams,
  stArnaudNormalisedKernelClaim,
} from './claims/st-arnaud-2025-normalised-kernel/claim.ts';
export {
  type StArnaudPredictorParams,
  stArnaudPredictorLimitClaim,
} from './claims/st-arnaud-2025-predictor-limit/claim.ts';
export { claimIds } from './registry/claim-ids.ts';
export { claims } from './registry/claims.ts';
export { findClaim } from './registry/find-claim.ts';
export { validateClaim } from './registry/validate-claim.ts';
export { formatNumber } from './render/format-number.ts';
export { type RenderMarkdownOptions, renderMarkdown } from './render/render-markdown.ts';
export { toVegaLite, type VegaLiteOptions } from './render/to-vega-lite.ts';
export type { VegaLiteSpec } from './render/vega-lite-spec.ts';
export type { ClaimFailure, ClaimResult, PointResult, RunSettings } from './result/claim-result.ts';
export type { JsonSafe, JsonValue } from './result/json-types.ts';
export { NTK_VERSIONS } from './result/ntk-versions.ts';
export { toJsonSafe } from './result/to-json-safe.ts';
export { type AssembleClaimResultOptions, assembleClaimResult } from './run/assemble-claim-result.ts';
export { claimIdHash } from './run/claim-id-hash.ts';
export type { ClaimProgress } from './run/claim-progress.ts';
export { ClaimRunError } from './run/claim-run-error.ts';
export { estimateRemainingMs } from './run/estimate-remaining.ts';
export { keyFromHex, keyToHex } from './run/key-hex.ts';
export { type MeasureClaimPointsOptions, measureClaimPoints } from './run/measure-claim-points.ts';
export { pointCachePath } from './run/point-cache-path.ts';
export { pointKey } from './run/point-key.ts';
export type { PointObservation } from './run/point-observation.ts';
export {
  type PointObservationRecord,
  pointObservationFromJson,
  pointObservationToJson,
} from './run/point-observation-json.ts';
export { type RunClaimOptions, runClaim } from './run/run-claim.ts';
export {
  type ClaimSelection,
  type ClaimsRun,
  type RunClaimsOptions,
  type RunClaimsProgress,
  runClaims,
} from './run/run-claims.ts';
export { estimateDifference } from './stats/estimate-difference.ts';
export { type ExtrapolatedLimit, extrapolatedLimit } from './stats/extrapolated-limit.ts';
export { type JackknifeOptions, jackknife } from './stats/jackknife.ts';
export { type LinearFit, linearFit } from './stats/linear-fit.ts';
export { meanEstimate } from './stats/mean-estimate.ts';
export { normalQuantile } from './stats/normal-quantile.ts';
export { type PowerLogFit, powerLogFit } from './stats/power-log-fit.ts';
