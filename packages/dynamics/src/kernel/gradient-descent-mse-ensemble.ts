import {
  argumentError,
  assertFiniteResult,
  type FloatArray,
  type Kernels,
  Matrix,
  matmul,
  ShapeError,
} from '@ntk/core';
import { checkFiniteMatrix, checkLabels } from '../internal/check-data.ts';
import { scaleRows } from '../internal/dense.ts';
import { readQuery } from '../internal/read-query.ts';
import { spectralWeights } from '../internal/spectral-weights.ts';
import { type MseSpectrum, type MseSpectrumOptions, spectrumOf } from './mse-spectrum.ts';

/** The kernels {@link gradientDescentMseEnsemble} needs, each a `{ nngp, ntk }` pair. */
export interface EnsembleKernels {
  /** K and Θ on (X, X), N×N. */
  readonly trainTrain: Kernels<FloatArray>;
  /** K and Θ on (X*, X), M×N (omit for training points only). */
  readonly testTrain?: Kernels<FloatArray>;
  /** K on (X*, X*), M×M (its `ntk` is not used; omit for no test covariance). */
  readonly testTest?: Kernels<FloatArray>;
}

/** Options of {@link gradientDescentMseEnsemble}. */
export interface GradientDescentMseEnsembleOptions extends MseSpectrumOptions {
  /**
   * `ntk` (default): every layer trained, the dynamics governed by Θ, the initial outputs drawn from the NNGP
   * K. `nngp`: only the readout trained, so the tangent kernel is K itself.
   */
  readonly mode?: 'ntk' | 'nngp';
}

/** Mean and covariance of f_t over initialisations, on the training points and the test points. */
export interface EnsemblePrediction {
  /** E[f_t(X)], N×O. */
  readonly meanTrain: Matrix;
  /** Cov[f_t(X)], N×N (the same for each output). */
  readonly covarianceTrain: Matrix;
  /** E[f_t(X*)], M×O, or null without test kernels. */
  readonly meanTest: Matrix | null;
  /** Cov[f_t(X*)], M×M, or null without `testTest`. */
  readonly covarianceTest: Matrix | null;
  /** The time t. */
  readonly time: number;
  /** k for discrete steps, null for the flow. */
  readonly steps: number | null;
  /** Warnings (learning rate above η_max). */
  readonly warnings: readonly string[];
}

/** Ensemble predictions from one eigendecomposition. */
export interface EnsemblePredictor {
  /** The spectrum of the dynamics kernel (Θ, or K in `nngp` mode) plus σ²I. */
  readonly spectrum: MseSpectrum;
  /**
   * Mean and covariance over initialisations after gradient flow to `time` (or `steps` of descent).
   *
   * @param query - `{ time }` or `{ steps, learningRate }`.
   * @returns Means and covariances.
   */
  predict(query: {
    readonly time?: number;
    readonly steps?: number;
    readonly learningRate?: number;
  }): EnsemblePrediction;
}

const FN = 'gradientDescentMseEnsemble';

/**
 * The distribution of an infinite ensemble of infinitely wide networks trained on the MSE loss
 * (1/N)Σ½‖y − f‖² (as neural-tangents' `gradient_descent_mse_ensemble`). At initialisation f₀ ~ GP(0, K)
 * (the NNGP); training is linear, f_t(x) = f₀(x) + A_t(x)(Y − f₀(X)) with
 * A_t(x) = Θ(x, X)·Θ⁻¹(I − e^{−Θt/N}) (see {@link gradientDescentMse}), so f_t is Gaussian with
 * ```
 * mean  μ_t(x)     = A_t(x)·Y
 * cov   Σ_t(x, x') = K(x, x') + A_t(x)·K(X, X)·A_t(x')ᵀ − A_t(x)·K(X, x') − K(x, X)·A_t(x')ᵀ
 * ```
 * (Lee et al. 2019, eqs. 13–16). In `nngp` mode Θ is replaced by K (only the readout trains) and at t = ∞
 * this is the NNGP posterior ({@link nngpPosterior}). With σ² = `diagReg`, Θ(X, X) and K(X, X) in the middle
 * factor both get +σ²I (σ² acts as label-noise variance, so that `nngp` mode at t = ∞ is the noisy GP
 * posterior). For the training points, x ranges over X with the un-regularised cross kernels. Cost: one
 * eigendecomposition, then O(M·N² + M²·N) per prediction.
 *
 * @param kernels - `trainTrain` (required), `testTrain`, `testTest`: `{ nngp, ntk }` values.
 * @param yTrain - Y, N×O.
 * @param options - `mode`, `diagReg`, `conditionWarning`.
 * @returns A predictor.
 * @throws {ShapeError} If shapes disagree. {@link @ntk/core!ArgumentRangeError} For empty or non-finite data, a bad mode
 *   or query. {@link @ntk/core!NumericalError} For a kernel that is not PSD or t = ∞ on a singular kernel.
 * @example
 * ```ts
 * const ens = gradientDescentMseEnsemble({ trainTrain, testTrain, testTest }, Y, { mode: 'ntk' });
 * const { meanTest, covarianceTest } = ens.predict({ time: Infinity });
 * ```
 */
export function gradientDescentMseEnsemble(
  kernels: EnsembleKernels,
  yTrain: Matrix<FloatArray>,
  options: GradientDescentMseEnsembleOptions = {},
): EnsemblePredictor {
  if (typeof kernels !== 'object' || kernels === null) {
    throw argumentError('type', FN, 'kernels', 'an object { trainTrain, testTrain?, testTest? }', kernels);
  }
  if (typeof options !== 'object' || options === null)
    throw argumentError('type', FN, 'options', 'an object', options);
  const mode = options.mode ?? 'ntk';
  if (mode !== 'ntk' && mode !== 'nngp')
    throw argumentError('range', FN, 'options.mode', '"ntk" or "nngp"', mode);
  const tt = kernels.trainTrain as Kernels<FloatArray> | undefined;
  if (typeof tt !== 'object' || tt === null) {
    throw argumentError('type', FN, 'kernels.trainTrain', 'a { nngp, ntk } value', tt);
  }
  const dyn = mode === 'ntk' ? tt.ntk : tt.nngp;
  const spectrum = spectrumOf(FN, dyn, options);
  const n = spectrum.n;
  const y = checkLabels(FN, 'yTrain', yTrain, n);
  const kXX = checkFiniteMatrix(FN, 'kernels.trainTrain.nngp', tt.nngp, n, n, 'K(X, X), N×N');
  const thXX =
    mode === 'ntk' ? checkFiniteMatrix(FN, 'kernels.trainTrain.ntk', tt.ntk, n, n, 'Θ(X, X), N×N') : kXX;
  const kMid = kXX.clone();
  for (let i = 0; i < n; i++) kMid.data[i * n + i] = (kMid.data[i * n + i] as number) + spectrum.diagReg;
  let test: { k: Matrix; th: Matrix; kk: Matrix | null } | null = null;
  if (kernels.testTrain !== undefined) {
    const tx = kernels.testTrain;
    const m = (tx.nngp as Matrix | undefined)?.rows ?? 0;
    const k = checkFiniteMatrix(FN, 'kernels.testTrain.nngp', tx.nngp, m, n, 'K(X*, X), M×N');
    const th =
      mode === 'ntk' ? checkFiniteMatrix(FN, 'kernels.testTrain.ntk', tx.ntk, m, n, 'Θ(X*, X), M×N') : k;
    const kk =
      kernels.testTest === undefined
        ? null
        : checkFiniteMatrix(FN, 'kernels.testTest.nngp', kernels.testTest.nngp, m, m, 'K(X*, X*), M×M');
    test = { k, th, kk };
  } else if (kernels.testTest !== undefined) {
    throw new ShapeError(
      FN,
      'kernels.testTrain',
      'M×N kernels',
      'missing',
      'testTest was given without testTrain',
    );
  }
  const V = spectrum.vectors;
  return {
    spectrum,
    predict(query) {
      const fn = `${FN}.predict`;
      const q = readQuery(fn, query, spectrum);
      const g = spectralWeights(fn, spectrum.values, n, q.time, q.steps, q.learningRate);
      const vt = V.transpose();
      const gvt = scaleRows(g, vt); // diag(g)Vᵀ
      const side = (thQ: Matrix, kQ: Matrix, kQQ: Matrix): { mean: Matrix; cov: Matrix } => {
        const A = matmul(matmul(thQ, V), gvt); // A_t(x) = Θ(x, X)V diag(g)Vᵀ, M×N
        const mean = matmul(A, y);
        const AK = matmul(A, kMid);
        const cov = new Float64Array(kQQ.rows * kQQ.rows);
        const m = kQQ.rows;
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < m; j++) {
            let akA = 0;
            let aK = 0;
            let kA = 0;
            for (let p = 0; p < n; p++) {
              akA += (AK.data[i * n + p] as number) * (A.data[j * n + p] as number);
              aK += (A.data[i * n + p] as number) * (kQ.data[j * n + p] as number);
              kA += (kQ.data[i * n + p] as number) * (A.data[j * n + p] as number);
            }
            cov[i * m + j] = (kQQ.data[i * m + j] as number) + akA - aK - kA;
          }
        }
        assertFiniteResult(fn, 'the ensemble mean', mean.data, mean.cols);
        assertFiniteResult(fn, 'the ensemble covariance', cov, m);
        return { mean, cov: new Matrix(m, m, cov) };
      };
      const tr = side(thXX, kXX, kXX);
      let meanTest: Matrix | null = null;
      let covarianceTest: Matrix | null = null;
      if (test !== null) {
        if (test.kk !== null) {
          const te = side(test.th, test.k, test.kk);
          meanTest = te.mean;
          covarianceTest = te.cov;
        } else {
          meanTest = matmul(matmul(matmul(test.th, V), gvt), y);
          assertFiniteResult(fn, 'the ensemble mean', meanTest.data, meanTest.cols);
        }
      }
      return {
        meanTrain: tr.mean,
        covarianceTrain: tr.cov,
        meanTest,
        covarianceTest,
        time: q.time,
        steps: q.steps,
        warnings: q.warnings,
      };
    },
  };
}
