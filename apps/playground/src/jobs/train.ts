import { mlpKernels } from '@ntk/analytic';
import type { Backend } from '@ntk/core';
import { Matrix } from '@ntk/core';
import { gradientDescentMse, mseSpectrum, trainMlpStream } from '@ntk/dynamics';
import { initMlp, mlpForward } from '@ntk/empirical';
import { inputDim, type PlaygroundState } from '../state.ts';
import { makeData, seedKeys, specOf } from './data.ts';

/** One point of the training curves, streamed while training runs. */
export interface TrainPoint {
  readonly step: number;
  /** (1/N)Σ½(y − f)² of the finite network on the training and the test points. */
  readonly trainLoss: number;
  readonly testLoss: number;
  /** The same losses of the infinite-width network from the same initial outputs (gradient descent on Θ). */
  readonly infiniteTrainLoss: number;
  readonly infiniteTestLoss: number;
  /** ‖Θ̂_t − Θ̂_0‖_F/‖Θ̂_0‖_F on the training points. */
  readonly ntkChange: number;
  /** Finite-width and infinite-width predictions on the test points at this step. */
  readonly testFinite: readonly number[];
  readonly testInfinite: readonly number[];
}

/** What is fixed before training starts. */
export interface TrainSetup {
  readonly nTrain: number;
  readonly nTest: number;
  /** η used, and η_max = 2N/λ_max of the infinite-width NTK. */
  readonly learningRate: number;
  readonly maxLearningRate: number;
  readonly testTargets: readonly number[];
}

/** Splits the data: every third input is a test point, the rest train. */
export function splitIndices(n: number): { train: number[]; test: number[] } {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < n; i++) (i % 3 === 2 ? test : train).push(i);
  return { train, test };
}

function rows(x: Matrix, idx: readonly number[]): Matrix {
  const out = Matrix.zeros(idx.length, x.cols);
  idx.forEach((r, i) => {
    out.data.set(x.data.subarray(r * x.cols, (r + 1) * x.cols), i * x.cols);
  });
  return out;
}

function halfMse(f: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) s += 0.5 * ((f[i] as number) - (y[i] as number)) ** 2;
  return s / f.length;
}

/**
 * Full-batch gradient descent of a finite network (width and seed of the state) on the MSE loss, at
 * η = lr·2N/λ_max(Θ), streaming losses, the relative NTK change and the test predictions every few steps beside
 * the infinite-width prediction after the same number of steps from the same initial outputs (Lee et al. 2019):
 * f_k^∞(X*) = f₀(X*) + Θ(X*, X)Θ⁻¹(I − (I − ηΘ/N)^k)(Y − f₀(X)).
 */
export async function trainJob(
  state: PlaygroundState,
  backend: Backend,
  onSetup: (setup: TrainSetup) => void,
  onPoint: (point: TrainPoint) => void,
  signal?: AbortSignal,
): Promise<number> {
  const data = await makeData(state);
  const { train, test } = splitIndices(data.x.rows);
  const xTrain = rows(data.x, train);
  const yTrain = rows(data.y, train);
  const xTest = rows(data.x, test);
  const yTest = rows(data.y, test);
  const spec = specOf(state);
  const kTrain = mlpKernels(spec, xTrain).ntk;
  const kTestTrain = mlpKernels(spec, xTest, xTrain).ntk;
  const maxLearningRate = mseSpectrum(kTrain).maxLearningRate;
  const learningRate = state.lr * maxLearningRate;
  onSetup({
    nTrain: train.length,
    nTest: test.length,
    learningRate,
    maxLearningRate,
    testTargets: Array.from(yTest.data),
  });
  const net = initMlp(spec, seedKeys(state.seed).init, inputDim(state));
  const fTrain0 = await mlpForward(net, xTrain, { backend });
  const fTest0 = await mlpForward(net, xTest, { backend });
  const gd = gradientDescentMse(kTrain, yTrain, { diagReg: 1e-10 });
  const every = Math.max(1, Math.round(state.steps / 50));
  const stream = trainMlpStream(
    net,
    { xTrain, yTrain, xTest, yTest, xProbe: xTrain },
    {
      learningRate,
      steps: state.steps,
      recordEvery: every,
      keepPredictions: true,
      backend,
      ...(signal === undefined ? {} : { signal }),
    },
  );
  let count = 0;
  for await (const r of stream) {
    const inf = gd.predict({
      steps: r.step,
      learningRate,
      fTrain0: fTrain0.toFloat64(),
      kTestTrain,
      fTest0: fTest0.toFloat64(),
    });
    const testInfinite = Array.from((inf.test as Matrix).data);
    onPoint({
      step: r.step,
      trainLoss: r.trainLoss,
      testLoss: r.testLoss ?? Number.NaN,
      infiniteTrainLoss: halfMse(inf.train.data, yTrain.data),
      infiniteTestLoss: halfMse(testInfinite, yTest.data),
      ntkChange: r.ntkChange ?? Number.NaN,
      testFinite: Array.from(r.testPredictions?.data ?? []),
      testInfinite,
    });
    count++;
  }
  return count;
}
