/**
 * Infinite-width NNGP and NTK recursions for any activation, and phase analysis.
 *
 * @packageDocumentation
 * @module @ntk/analytic
 */
export { type ActivationLayerOptions, activation } from './layers/activation-layer.ts';
export { type DenseOptions, dense } from './layers/dense.ts';
export { type InputStateOptions, type Inputs, inputState } from './layers/input-state.ts';
export type { KernelState } from './layers/kernel-state.ts';
export { kernelsOf } from './layers/kernels-of.ts';
export type { Layer } from './layers/layer.ts';
export { mlp } from './layers/mlp.ts';
export {
  type MlpDiagonalResult,
  type MlpKernelsOptions,
  type MlpKernelsResult,
  mlpKernels,
} from './layers/mlp-kernels.ts';
export { serial } from './layers/serial.ts';
export { activationMoments, type MomentsMethod } from './moments/activation-moments.ts';
export type { ActivationMoments } from './moments/moments.ts';
export { DEFAULT_QUADRATURE, type QuadratureOptions } from './moments/quadrature-options.ts';
export { type ThetaTable, thetaTable } from './moments/theta-table.ts';
export { type CStarOptions, correlationMap, cStar } from './phase/c-star.ts';
export { type EdgeOfChaosOptions, type EdgeOfChaosPoint, edgeOfChaos } from './phase/edge-of-chaos.ts';
export { normalizedNtkProfile } from './phase/normalized-ntk-profile.ts';
export {
  type Phase,
  type PhaseAnalysis,
  type PhaseAnalysisOptions,
  phaseAnalysis,
} from './phase/phase-analysis.ts';
export type { PhaseParameters } from './phase/phase-inputs.ts';
export { type QStarOptions, qStar, varianceMap } from './phase/q-star.ts';
