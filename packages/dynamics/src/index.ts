/**
 * Training dynamics with the NTK tracked, linearised networks, and infinite-width predictions.
 *
 * @packageDocumentation
 * @module @ntk/dynamics
 */
export {
  type GradientDescentMseOptions,
  gradientDescentMse,
  type MsePrediction,
  type MsePredictor,
  type MseQuery,
} from './kernel/gradient-descent-mse.ts';
export {
  type EnsembleKernels,
  type EnsemblePrediction,
  type EnsemblePredictor,
  type GradientDescentMseEnsembleOptions,
  gradientDescentMseEnsemble,
} from './kernel/gradient-descent-mse-ensemble.ts';
export { type MseSpectrum, type MseSpectrumOptions, mseSpectrum } from './kernel/mse-spectrum.ts';
export { type NngpPosterior, type NngpPosteriorOptions, nngpPosterior } from './kernel/nngp-posterior.ts';
export {
  type CompareLinearisedOptions,
  compareLinearised,
  type LinearisedComparisonRecord,
} from './train/compare-linearised.ts';
export {
  type CompareWidthsOptions,
  compareWidths,
  type WidthComparison,
  type WidthComparisonRecord,
} from './train/compare-widths.ts';
export { type TrainMlpOptions, trainMlp } from './train/train-mlp.ts';
export { trainMlpStream } from './train/train-mlp-stream.ts';
export type {
  ActivationChange,
  LearningRateSchedule,
  Optimizer,
  TrainData,
  TrainOptions,
  TrainRecord,
  TrainResult,
} from './train/types.ts';
