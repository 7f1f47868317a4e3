import { mlpKernels } from '@ntk/analytic';
import {
  argumentError,
  checkInteger,
  checkKey,
  type FloatArray,
  type Key,
  type Matrix,
  type MlpSpec,
} from '@ntk/core';
import { initMlp } from '@ntk/empirical';
import { gradientDescentMse } from '../kernel/gradient-descent-mse.ts';
import { trainMlpStream } from './train-mlp-stream.ts';
import type { TrainData, TrainOptions } from './types.ts';

/** Options of {@link compareWidths}. */
export type CompareWidthsOptions = Omit<
  TrainOptions,
  'keepPredictions' | 'linearised' | 'keepNtk' | 'key'
> & {
  /** Hidden widths to train (each a positive integer; every hidden layer gets it). */
  readonly widths: readonly number[];
  /** One key per initialisation (the same keys at every width). */
  readonly keys: readonly Key[];
  /**
   * The infinite-width NTK: Θ(X, X) (N×N) and, with test data, Θ(X*, X) (M×N). Omitted: computed from `spec` (at
   * infinite width) by `@ntk/analytic`'s `mlpKernels` (NTK parameterisation only: in the standard one the kernel
   * depends on the width, so pass it).
   */
  readonly ntk?: { readonly trainTrain: Matrix<FloatArray>; readonly testTrain?: Matrix<FloatArray> };
};

/** One record of one run of {@link compareWidths}. */
export interface WidthComparisonRecord {
  /** Step k. */
  readonly step: number;
  /** Time t. */
  readonly time: number;
  /** √(mean over training points of ‖f(x) − f^∞_t(x)‖²), f^∞ the infinite-width prediction from the same f₀. */
  readonly trainDistance: number;
  /** The same on the test points (null without test data). */
  readonly testDistance: number | null;
  /** ‖Θ̂_t − Θ̂_0‖_F/‖Θ̂_0‖_F on the probe set (null without one). */
  readonly ntkChange: number | null;
  /** Training loss of the network. */
  readonly trainLoss: number;
}

/** The runs at one width. */
export interface WidthComparison {
  /** The width. */
  readonly width: number;
  /** Per key, the records. */
  readonly runs: WidthComparisonRecord[][];
}

/**
 * Trains networks of several widths (several initialisations each) and measures, over training, how far each
 * is from the infinite-width NTK prediction started from the same initial function:
 * f^∞_t(x) = f₀(x) + Θ(x, X)Θ⁻¹(I − e^{−Θt/N})(Y − f₀(X)) with the analytic Θ. Using the network's own f₀
 * removes the initial-function fluctuation, so the distance measures only the finite-width change of the
 * kernel during training, which in the NTK parameterisation is O(1/√width) (Jacot et al. 2018; Lee et al.
 * 2019, Theorem 2.1): the picture that tells whether a network trains in the lazy regime.
 * With a constant learning rate and plain full-batch gradient descent the reference is the discrete recursion
 * with the same η and steps (so nothing but width separates the two); otherwise the gradient flow at the
 * same time t = Σ η_k.
 *
 * @param spec - The network spec (its `widths` is replaced by each entry of `options.widths`).
 * @param data - Train (and test, probe) data.
 * @param options - Widths, keys, the infinite-width NTK and the training options of {@link trainMlpStream}.
 * @returns One entry per width.
 * @throws {ArgumentRangeError} / {@link @ntk/core!ArgumentTypeError} For bad widths, keys or kernels; otherwise as
 *   {@link trainMlpStream} and {@link gradientDescentMse}.
 * @example
 * ```ts
 * // The infinite-width NTK is computed from the spec by @ntk/analytic (or pass `ntk: { trainTrain, testTrain }`).
 * const cmp = await compareWidths(spec, { xTrain: X, yTrain: Y, xTest: Xt, yTest: Yt },
 *   { widths: [128, 512, 2048], keys: [key(0), key(1)], learningRate: 1, steps: 100, recordEvery: 25 });
 * ```
 */
export async function compareWidths(
  spec: MlpSpec,
  data: TrainData,
  options: CompareWidthsOptions,
): Promise<WidthComparison[]> {
  const fn = 'compareWidths';
  if (typeof options !== 'object' || options === null)
    throw argumentError('type', fn, 'options', 'an object', options);
  if (!Array.isArray(options.widths) || options.widths.length === 0) {
    throw argumentError(
      'range',
      fn,
      'options.widths',
      'a non-empty array of positive integers',
      options.widths,
    );
  }
  options.widths.forEach((w, i) => {
    checkInteger(fn, `options.widths[${i}]`, w, 1);
  });
  if (!Array.isArray(options.keys) || options.keys.length === 0) {
    throw argumentError('range', fn, 'options.keys', 'a non-empty array of keys', options.keys);
  }
  options.keys.forEach((k, i) => {
    checkKey(fn, `options.keys[${i}]`, k);
  });
  let ntk = options.ntk;
  if (ntk === undefined) {
    if (spec.parameterization === 'standard') {
      throw argumentError(
        'type',
        fn,
        'options.ntk',
        'given in the standard parameterisation (its NTK depends on the width)',
        ntk,
      );
    }
    const { widths: _finite, ...infinite } = spec;
    ntk = {
      trainTrain: mlpKernels(infinite, data.xTrain.toFloat64()).ntk,
      ...(data.xTest === undefined
        ? {}
        : { testTrain: mlpKernels(infinite, data.xTest.toFloat64(), data.xTrain.toFloat64()).ntk }),
    };
  }
  if (typeof ntk !== 'object' || ntk === null) {
    throw argumentError('type', fn, 'options.ntk', 'an object { trainTrain, testTrain? }', ntk);
  }
  const gd = gradientDescentMse(ntk.trainTrain, data.yTrain);
  const discrete =
    typeof options.learningRate === 'number' &&
    (options.optimizer === undefined || options.optimizer.type === 'sgd') &&
    (options.batchSize === undefined || options.batchSize === data.xTrain.rows);
  const { widths, keys, ntk: _given, ...train } = options;
  const out: WidthComparison[] = [];
  for (const width of widths) {
    const runs: WidthComparisonRecord[][] = [];
    for (const k of keys) {
      const net = initMlp({ ...spec, widths: width }, k, data.xTrain.cols);
      const recs: WidthComparisonRecord[] = [];
      let f0: { train: Matrix; test: Matrix | null } | null = null;
      for await (const r of trainMlpStream(net, data, { ...train, keepPredictions: true })) {
        f0 ??= { train: r.trainPredictions!, test: r.testPredictions };
        const q = {
          fTrain0: f0.train,
          ...(ntk.testTrain !== undefined && f0.test !== null
            ? { kTestTrain: ntk.testTrain, fTest0: f0.test }
            : {}),
        };
        const p = discrete
          ? gd.predict({ ...q, steps: r.step, learningRate: options.learningRate as number })
          : gd.predict({ ...q, time: r.time });
        recs.push({
          step: r.step,
          time: r.time,
          trainDistance: rms(r.trainPredictions!, p.train),
          testDistance: r.testPredictions !== null && p.test !== null ? rms(r.testPredictions, p.test) : null,
          ntkChange: r.ntkChange,
          trainLoss: r.trainLoss,
        });
      }
      runs.push(recs);
    }
    out.push({ width, runs });
  }
  return out;
}

/**
 * √(mean over rows of ‖a_i − b_i‖²).
 *
 * @param a - Left.
 * @param b - Right.
 * @returns The distance.
 */
function rms(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += ((a.data[i] as number) - (b.data[i] as number)) ** 2;
  return Math.sqrt(s / a.rows);
}
