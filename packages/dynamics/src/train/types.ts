import type { Backend, FloatArray, Key, Matrix } from '@ntk/core';
import type { Mlp } from '@ntk/empirical';

/** Training data: inputs and labels, with optional test and probe sets. */
export interface TrainData {
  /** Training inputs X, N×d. */
  readonly xTrain: Matrix<FloatArray>;
  /** Training labels Y, N×O. */
  readonly yTrain: Matrix<FloatArray>;
  /** Test inputs, M×d (optional). */
  readonly xTest?: Matrix<FloatArray>;
  /** Test labels, M×O (required with `xTest`). */
  readonly yTest?: Matrix<FloatArray>;
  /** Probe inputs, P×d, on which the empirical NTK and the hidden activations are tracked (optional). */
  readonly xProbe?: Matrix<FloatArray>;
}

/** Optimiser: plain (stochastic) gradient descent, heavy-ball momentum, or Adam. */
export type Optimizer =
  | { readonly type: 'sgd' }
  | { readonly type: 'momentum'; readonly momentum?: number }
  | { readonly type: 'adam'; readonly beta1?: number; readonly beta2?: number; readonly epsilon?: number };

/**
 * Learning-rate schedule: a constant η, or a step schedule η_k = initial·factor^{#(boundaries ≤ k)}.
 */
export type LearningRateSchedule =
  | number
  | { readonly type: 'constant'; readonly value: number }
  | {
      readonly type: 'step';
      readonly initial: number;
      readonly boundaries: readonly number[];
      readonly factor: number;
    };

/** Options of {@link trainMlp} and {@link trainMlpStream}. */
export interface TrainOptions {
  /** η, or a schedule. */
  readonly learningRate: LearningRateSchedule;
  /** Number of optimiser steps (exclusive with `time`). */
  readonly steps?: number;
  /** Stop at the first step where the accumulated time Σ_k η_k reaches t (exclusive with `steps`). */
  readonly time?: number;
  /** Optimiser (default `{ type: 'sgd' }`: plain gradient descent). */
  readonly optimizer?: Optimizer;
  /** Minibatch size B (default N: full batch). Batches are drawn without replacement per epoch from `key`. */
  readonly batchSize?: number;
  /** Key of the minibatch permutations (required when `batchSize` < N). */
  readonly key?: Key;
  /** Steps at which to record (0 and the last step are always recorded). */
  readonly recordAt?: readonly number[];
  /** Also record every this many steps. */
  readonly recordEvery?: number;
  /** Keep f on the train and test points in each record (default false). */
  readonly keepPredictions?: boolean;
  /** Keep the probe empirical NTK in each record (default false; its relative change is always reported). */
  readonly keepNtk?: boolean;
  /** Train the first-order Taylor model f₀ + J₀(θ − θ₀) of the network instead of the network (default false). */
  readonly linearised?: boolean;
  /** Cancels training: the stream throws `signal.reason` at the next step. */
  readonly signal?: AbortSignal;
  /** Backend for the forward/backward products (default `cpuBackend()`). */
  readonly backend?: Backend;
}

/** Change of one hidden layer's activations h = φ(z^l) on the probe set since initialisation. */
export interface ActivationChange {
  /** Hidden layer l (1-based). */
  readonly layer: number;
  /** max over probe points x and units i of |h_i(x) − h_i⁰(x)|. */
  readonly maxAbs: number;
  /** Root mean over probe points of ‖h(x) − h⁰(x)‖₂ (the aggregate change of one point's feature vector). */
  readonly l2: number;
  /** ‖H − H⁰‖_F/‖H⁰‖_F over the probe set. */
  readonly relative: number;
}

/** What is recorded at a step. */
export interface TrainRecord {
  /** Step k (0 = initialisation). */
  readonly step: number;
  /** Time t = Σ_{j<k} η_j. */
  readonly time: number;
  /** The learning rate of the next step. */
  readonly learningRate: number;
  /** Mean over training points of ½‖y − f(x)‖². */
  readonly trainLoss: number;
  /** The same on the test set, or null. */
  readonly testLoss: number | null;
  /** ‖Θ̂_t − Θ̂_0‖_F/‖Θ̂_0‖_F on the probe set (null without a probe set, or for the linearised model: 0 by construction). */
  readonly ntkChange: number | null;
  /** Θ̂_t on the probe set, when `keepNtk`. */
  readonly ntk: Matrix | null;
  /** ‖θ^l_t − θ^l_0‖/‖θ^l_0‖ for each layer l = 1..L+1 (W and b together). */
  readonly weightChange: readonly number[];
  /** ‖θ_t − θ_0‖/‖θ_0‖ over all parameters. */
  readonly totalWeightChange: number;
  /** Per hidden layer 1..L, on the probe set (null without probe, or for the linearised model). */
  readonly activationChange: readonly ActivationChange[] | null;
  /** f on the training points, when `keepPredictions`. */
  readonly trainPredictions: Matrix | null;
  /** f on the test points, when `keepPredictions` and test data are given. */
  readonly testPredictions: Matrix | null;
}

/** What {@link trainMlp} returns (and {@link trainMlpStream} returns when done). */
export interface TrainResult {
  /** The trained network (a copy; the input network is not modified). For `linearised`, the parameters θ_t of the Taylor model. */
  readonly net: Mlp;
  /** Every record, in order. */
  readonly records: TrainRecord[];
  /** Steps taken. */
  readonly steps: number;
  /** Time reached Σ η_k. */
  readonly time: number;
}
