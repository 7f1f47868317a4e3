import { assertFiniteResult, type FloatArray, Matrix, matmul, ShapeError } from '@ntk/core';
import { checkFiniteMatrix, checkLabels } from '../internal/check-data.ts';
import { addMatrices, scaleRows } from '../internal/dense.ts';
import { readQuery } from '../internal/read-query.ts';
import { spectralWeights } from '../internal/spectral-weights.ts';
import { type MseSpectrum, type MseSpectrumOptions, spectrumOf } from './mse-spectrum.ts';

/** Options of {@link gradientDescentMse}. */
export interface GradientDescentMseOptions extends MseSpectrumOptions {}

/** When to predict: a gradient-flow time, or a number of discrete gradient-descent steps. */
export interface MseQuery {
  /** Gradient-flow time t = η·steps (≥ 0; `Infinity` for the converged solution). Exclusive with `steps`. */
  readonly time?: number;
  /** Number of discrete gradient-descent steps k (needs `learningRate`). Exclusive with `time`. */
  readonly steps?: number;
  /** Learning rate η of the discrete steps. */
  readonly learningRate?: number;
  /** f₀(X), the outputs at initialisation on the training points, N×O (default 0). */
  readonly fTrain0?: Matrix<FloatArray>;
  /** Θ(X*, X), M×N: test–train kernel (omit for no test prediction). */
  readonly kTestTrain?: Matrix<FloatArray>;
  /** f₀(X*), M×O (default 0). */
  readonly fTest0?: Matrix<FloatArray>;
}

/** A prediction of {@link MsePredictor.predict}. */
export interface MsePrediction {
  /** f_t(X), N×O. */
  readonly train: Matrix;
  /** f_t(X*), M×O, or null without `kTestTrain`. */
  readonly test: Matrix | null;
  /** The gradient-flow time: t, or η·k for discrete steps. */
  readonly time: number;
  /** k for discrete steps, null for the flow. */
  readonly steps: number | null;
  /** Warnings (e.g. a learning rate above η_max = 2N/λ_max: the prediction diverges). */
  readonly warnings: readonly string[];
}

/** Predictions from one eigendecomposition of the train–train kernel. */
export interface MsePredictor {
  /** The spectrum, η_max, κ and the kernel warnings. */
  readonly spectrum: MseSpectrum;
  /**
   * Predicts the outputs after training by gradient flow to time t, or by k gradient-descent steps.
   *
   * @param query - Time or steps, initial outputs, test kernel.
   * @returns Train and test predictions.
   */
  predict(query: MseQuery): MsePrediction;
}

const FN = 'gradientDescentMse';

/**
 * Infinite-width (linearised, kernel) predictions for training on the MSE loss (1/N)Σᵢ½‖yᵢ − f(xᵢ)‖² by
 * gradient flow or gradient descent, from any kernel Θ (analytic NTK, empirical NTK, or an NNGP for
 * readout-only training), all from one symmetric eigendecomposition Θ + σ²I = V·diag(λ)·Vᵀ.
 *
 * Derivation (the convention of the whole package and of its trainer). One step of gradient descent on the
 * mean loss is θ ← θ − (η/N)·J(X)ᵀ(f(X) − Y). For a model linear in θ (the NTK regime), f(x) changes by
 * −(η/N)·Θ(x, X)(f(X) − Y), with Θ = J·Jᵀ. In time t = η·k (k steps), letting η → 0:
 * df_t(x)/dt = −(1/N)·Θ(x, X)(f_t(X) − Y), whose solution is
 *
 * $$
 * \begin{aligned}
 * f_t(X) &= Y - e^{-\Theta t/N}\,\big(Y - f_0(X)\big), \\
 * f_t(x_*) &= f_0(x_*) + \Theta(x_*, X)\,\Theta^{-1}\big(I - e^{-\Theta t/N}\big)\big(Y - f_0(X)\big) \\
 * &= f_0(x_*) + \Theta(x_*, X)\, V \operatorname{diag}\!\Big(\frac{1 - e^{-\lambda t/N}}{\lambda}\Big) V^{\top}
 * \big(Y - f_0(X)\big).
 * \end{aligned}
 * $$
 *
 * (Lee et al. 2019, eqs. 9–10, with their η·t written here as the time t, and their 1/N normalisation.) The
 * spectral form has the finite limit t/N for λ → 0, so a singular kernel is fine at finite t; at t = ∞ it is
 * kernel regression Θ(x*, X)Θ⁻¹(Y − f₀(X)). Discrete steps replace e^{−λt/N} by (1 − ηλ/N)^k, which diverges
 * when η > η_max = 2N/λ_max (reported in `warnings`). With σ² = `diagReg` > 0 the train–train kernel is
 * Θ + σ²I (ridge).
 *
 * Cost: one eigendecomposition O(N³) at construction; each prediction O(N²·O + M·N·O).
 *
 * @param kTrainTrain - Θ(X, X), N×N symmetric PSD.
 * @param yTrain - Y, N×O, finite.
 * @param options - `diagReg`, `conditionWarning`.
 * @returns A predictor: `predict({ time | steps + learningRate, fTrain0, kTestTrain, fTest0 })`.
 * @throws {ShapeError} If shapes disagree. {@link @ntk/core!ArgumentRangeError} For empty or non-finite data, a
 *   non-symmetric kernel, or (at predict) a negative time, a non-integer step count or a learning rate ≤ 0.
 *   {@link @ntk/core!NumericalError} For a kernel that is not PSD, t = ∞ on a singular kernel, or an overflowing result.
 * @example
 * ```ts
 * const gd = gradientDescentMse(kTrainTrain, yTrain, { diagReg: 1e-6 });
 * const { train, test } = gd.predict({ time: 10, kTestTrain, fTrain0, fTest0 });
 * const converged = gd.predict({ time: Infinity, kTestTrain });
 * ```
 */
export function gradientDescentMse(
  kTrainTrain: Matrix<FloatArray>,
  yTrain: Matrix<FloatArray>,
  options: GradientDescentMseOptions = {},
): MsePredictor {
  const spectrum = spectrumOf(FN, kTrainTrain, options);
  const n = spectrum.n;
  const y = checkLabels(FN, 'yTrain', yTrain, n);
  const o = y.cols;
  return {
    spectrum,
    predict(query: MseQuery): MsePrediction {
      const fn = `${FN}.predict`;
      const q = readQuery(fn, query, spectrum);
      const f0 =
        query.fTrain0 === undefined
          ? Matrix.zeros(n, o)
          : checkFiniteMatrix(fn, 'query.fTrain0', query.fTrain0, n, o, 'f₀ on the training points, N×O');
      let kxX: Matrix | null = null;
      let fx0: Matrix | null = null;
      if (query.kTestTrain !== undefined) {
        const m = (query.kTestTrain as Matrix).rows;
        kxX = checkFiniteMatrix(
          fn,
          'query.kTestTrain',
          query.kTestTrain,
          m,
          n,
          'Θ(X*, X): one column per training point',
        );
        fx0 =
          query.fTest0 === undefined
            ? Matrix.zeros(m, o)
            : checkFiniteMatrix(fn, 'query.fTest0', query.fTest0, m, o, 'f₀ on the test points, M×O');
      } else if (query.fTest0 !== undefined) {
        throw new ShapeError(
          fn,
          'query.kTestTrain',
          'M×N',
          'missing',
          'fTest0 was given without the test kernel',
        );
      }
      const g = spectralWeights(fn, spectrum.values, n, q.time, q.steps, q.learningRate);
      const r0 = addMatrices(y, f0, -1);
      const c = matmul(spectrum.vectors, r0, { transposeA: true }); // Vᵀ r0
      const w = matmul(spectrum.vectors, scaleRows(g, c)); // V diag(g) Vᵀ r0
      const lg = new Float64Array(n);
      for (let j = 0; j < n; j++) lg[j] = (spectrum.values[j] as number) * (g[j] as number);
      const train = addMatrices(f0, matmul(spectrum.vectors, scaleRows(lg, c)));
      assertFiniteResult(
        fn,
        'the training-point prediction (diverged? see spectrum.maxLearningRate)',
        train.data,
      );
      let test: Matrix | null = null;
      if (kxX !== null && fx0 !== null) {
        test = addMatrices(fx0, matmul(kxX, w));
        assertFiniteResult(fn, 'the test-point prediction', test.data);
      }
      return { train, test, time: q.time, steps: q.steps, warnings: q.warnings };
    },
  };
}
