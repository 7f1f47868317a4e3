/**
 * Finite-width networks, their empirical NTK, and Monte-Carlo moments over initialisations.
 *
 * @packageDocumentation
 * @module @ntk/empirical
 */
export { exportMlpWeights } from './io/export-mlp-weights.ts';
export { importMlpWeights } from './io/import-mlp-weights.ts';
export {
  MLP_WEIGHTS_FORMAT,
  MLP_WEIGHTS_VERSION,
  type MlpWeightsJson,
  type MlpWeightsLayerJson,
} from './io/weights-format.ts';
export { type EmpiricalMomentsOptions, empiricalMoments } from './moments/empirical-moments.ts';
export { empiricalMomentsUnit, type MomentsUnitOptions } from './moments/empirical-moments-unit.ts';
export { mergeMomentsUnits } from './moments/merge-moments-units.ts';
export type {
  EmpiricalMoments,
  MomentStats,
  MomentsBlock,
  MomentsConfig,
  MomentsProgress,
  MomentsUnit,
} from './moments/types.ts';
export type { InitMlpOptions } from './network/init-mlp.ts';
export { initMlp } from './network/init-mlp.ts';
export { type LayerConstants, layerConstants } from './network/layer-constants.ts';
export type { Mlp, MlpLayer } from './network/mlp.ts';
export { type BackendOptions, mlpForward } from './network/mlp-forward.ts';
export { type MlpGradients, mlpGradients } from './network/mlp-gradients.ts';
export { type MlpJacobianOptions, mlpJacobian } from './network/mlp-jacobian.ts';
export { mlpParameterCount } from './network/mlp-parameter-count.ts';
export { empiricalNtk } from './ntk/empirical-ntk.ts';
export type { EmpiricalNtk, EmpiricalNtkOptions, NtkMethod, NtkOutputMode } from './ntk/types.ts';
