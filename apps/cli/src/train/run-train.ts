import type { Backend, Matrix } from '@ntk/core';
import { gradientDescentMse, type Optimizer, trainMlp } from '@ntk/dynamics';
import { initMlp } from '@ntk/empirical';
import { analyticKernels } from '../empirical/analytic-kernels.ts';
import { initialisationKey } from '../empirical/network-key.ts';
import { mlpSpecOf } from '../spec/network-settings.ts';
import { TRAIN_MOMENTUM, type TrainSettings } from './train-settings.ts';

/** One recorded step of `ntk train`: the finite network and the infinite-width prediction side by side. */
export interface TrainStepRecord {
  /** Step k (0 = initialisation). */
  readonly step: number;
  /** t = Σ_{j<k} η_j. */
  readonly time: number;
  /** Training loss (1/N)Σ½‖y − f(x)‖² of the finite network. */
  readonly trainLoss: number;
  /** The same loss of the infinite-width prediction f^∞ (see {@link TrainRun.reference}); null for Adam. */
  readonly infiniteWidthLoss: number | null;
  /** The loss of the gradient flow f_t = Y − e^{−Θt/N}(Y − f₀) with the analytic Θ at t (t/(1−μ) for momentum); null for Adam. */
  readonly gradientFlowLoss: number | null;
  /** √(mean over points of ‖f(x) − f^∞(x)‖²); null for Adam. */
  readonly predictionDistance: number | null;
  /** ‖Θ̂_t − Θ̂_0‖_F/‖Θ̂_0‖_F of the finite network on the training inputs. */
  readonly ntkChange: number | null;
  /** ‖θ_t − θ_0‖/‖θ_0‖. */
  readonly weightChange: number;
}

/** What {@link runTrain} returns. */
export interface TrainRun {
  /** The learning rate used. */
  readonly learningRate: number;
  /** 2N/λ_max of the analytic NTK: gradient descent in the infinite-width limit diverges above it. */
  readonly maxLearningRate: number;
  /** λ_max of the analytic NTK on the training inputs. */
  readonly lambdaMax: number;
  /** What f^∞ is. */
  readonly reference: string;
  /** Outputs O (1, or 10 for MNIST labels). */
  readonly outputs: number;
  /** The records, in step order. */
  readonly records: TrainStepRecord[];
}

/** Options of {@link runTrain}. */
export interface RunTrainOptions {
  /** The backend of the products. */
  readonly backend: Backend;
  /** Stops training (rejects with its reason). */
  readonly signal?: AbortSignal;
  /** Called with each record. */
  readonly onRecord?: (record: TrainStepRecord) => void;
  /** Called once before the first step with everything but the records (to report an interrupted run). */
  readonly onStart?: (run: Omit<TrainRun, 'records'>) => void;
}

/**
 * How many steps between records: about 100 records over the run (every step for up to 100 steps).
 *
 * @param steps - The run's steps.
 * @returns The interval (≥ 1).
 * @example
 * ```ts
 * recordInterval(1000); // 10
 * ```
 */
export function recordInterval(steps: number): number {
  return Math.max(1, Math.ceil(steps / 100));
}

function loss(y: Matrix, f: Matrix): number {
  let s = 0;
  for (let i = 0; i < y.data.length; i++) s += ((y.data[i] as number) - (f.data[i] as number)) ** 2;
  return (0.5 * s) / y.rows;
}

function rms(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += ((a.data[i] as number) - (b.data[i] as number)) ** 2;
  return Math.sqrt(s / a.rows);
}

/**
 * Trains the finite network of the settings (key `initialisationKey(seed, 0)`, full batch, MSE, `trainMlp` of
 * `@ntk/dynamics` with the NTK tracked on the training inputs) and, at the same records, the infinite-width
 * prediction from the same initial outputs f₀ with the analytic NTK Θ (`gradientDescentMse`): for `sgd` the
 * discrete recursion f_{k+1} = f_k − (η/N)Θ(f_k − Y) with the same η and steps (the exact wide-network limit
 * of the same training); for `momentum` the gradient flow at t/(1−μ); Adam has no kernel limit of this form
 * (null). The gradient flow at the same time is recorded too.
 *
 * Learning rate `auto`: η = N/λ_max(Θ), half the largest stable rate 2N/λ_max (times 1−μ for momentum;
 * 10⁻³ for Adam).
 *
 * @param s - Settings.
 * @param x - Training inputs, N×d.
 * @param y - Targets, N×O.
 * @param options - Backend, signal, per-record callback.
 * @returns Learning rate, spectrum facts and the records.
 * @throws As `trainMlp` (e.g. a `NumericalError` when training diverges: lower `--lr`) and `gradientDescentMse`.
 * @example
 * ```ts
 * const run = await runTrain(settings, x, y, { backend: cpuBackend() });
 * ```
 */
export async function runTrain(
  s: TrainSettings,
  x: Matrix,
  y: Matrix,
  options: RunTrainOptions,
): Promise<TrainRun> {
  const theta = analyticKernels(s, x).ntk;
  const gd = gradientDescentMse(theta, y);
  const { maxLearningRate, lambdaMax } = gd.spectrum;
  const slow = s.optimizer === 'momentum' ? 1 - TRAIN_MOMENTUM : 1;
  const learningRate = s.lr !== 'auto' ? s.lr : s.optimizer === 'adam' ? 1e-3 : (slow * maxLearningRate) / 2;
  const optimizer: Optimizer =
    s.optimizer === 'momentum' ? { type: 'momentum', momentum: TRAIN_MOMENTUM } : { type: s.optimizer };
  const reference =
    s.optimizer === 'sgd'
      ? 'gradient descent with the analytic NTK, the same η and steps, from the network’s own f₀'
      : s.optimizer === 'momentum'
        ? 'gradient flow with the analytic NTK at t/(1−μ) (the small-η limit of heavy ball), from the network’s own f₀'
        : 'none (Adam has no NTK gradient-flow limit of this form)';
  const outputs = y.cols;
  const net = initMlp({ ...mlpSpecOf(s, true), outputs }, initialisationKey(s.seed, 0), x.cols);
  const records: TrainStepRecord[] = [];
  options.onStart?.({ learningRate, maxLearningRate, lambdaMax, reference, outputs });
  let f0: Matrix | null = null;
  await trainMlp(
    net,
    { xTrain: x, yTrain: y, xProbe: x },
    {
      learningRate,
      steps: s.steps,
      optimizer,
      recordEvery: recordInterval(s.steps),
      keepPredictions: true,
      backend: options.backend,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onRecord: async (r) => {
        // Let the event loop run (the SIGINT handler aborts the signal; training checks it at the next step).
        await new Promise((resolve) => setImmediate(resolve));
        const f = r.trainPredictions as Matrix;
        f0 ??= f;
        let inf: Matrix | null = null;
        let flow: Matrix | null = null;
        if (s.optimizer !== 'adam') {
          flow = gd.predict({ time: r.time / slow, fTrain0: f0 }).train;
          inf = s.optimizer === 'sgd' ? gd.predict({ steps: r.step, learningRate, fTrain0: f0 }).train : flow;
        }
        const rec: TrainStepRecord = {
          step: r.step,
          time: r.time,
          trainLoss: r.trainLoss,
          infiniteWidthLoss: inf === null ? null : loss(y, inf),
          gradientFlowLoss: flow === null ? null : loss(y, flow),
          predictionDistance: inf === null ? null : rms(f, inf),
          ntkChange: r.ntkChange,
          weightChange: r.totalWeightChange,
        };
        records.push(rec);
        options.onRecord?.(rec);
      },
    },
  );
  return { learningRate, maxLearningRate, lambdaMax, reference, outputs, records };
}
