import {
  argumentError,
  assertFiniteResult,
  cholesky,
  choleskySolve,
  type FloatArray,
  type Matrix,
  matmul,
  NotPositiveDefiniteError,
} from '@ntk/core';
import { checkDiagReg, checkFiniteMatrix, checkLabels, checkSquareKernel } from '../internal/check-data.ts';
import { addMatrices } from '../internal/dense.ts';

/** Options of {@link nngpPosterior}. */
export interface NngpPosteriorOptions {
  /** Observation-noise variance σ² ≥ 0 added to the diagonal of K(X, X) (default 0). */
  readonly diagReg?: number;
}

/** Result of {@link nngpPosterior}. */
export interface NngpPosterior {
  /** Posterior mean K(X*, X)(K + σ²I)⁻¹Y, M×O. */
  readonly mean: Matrix;
  /** Posterior covariance K(X*, X*) − K(X*, X)(K + σ²I)⁻¹K(X, X*), M×M (null without `kTestTest`). */
  readonly covariance: Matrix | null;
}

const FN = 'nngpPosterior';

/**
 * Exact Bayesian inference with the NNGP (Gaussian-process) prior of an infinitely wide network: the posterior
 * over f(X*) given noisy observations Y = f(X) + ε, ε ~ N(0, σ²I):
 * ```
 * mean = K(X*, X)(K(X, X) + σ²I)⁻¹Y
 * cov  = K(X*, X*) − K(X*, X)(K(X, X) + σ²I)⁻¹K(X, X*)
 * ```
 * through one Cholesky factorisation (K + σ²I = LLᵀ). Each output column is an independent GP with the same
 * kernel. Reference: Lee et al. (2018), "Deep Neural Networks as Gaussian Processes", ICLR, eq. (6)–(7);
 * Rasmussen & Williams (2006), Algorithm 2.1.
 *
 * @param kTrainTrain - K(X, X), N×N symmetric positive definite (after adding σ²).
 * @param yTrain - Y, N×O.
 * @param kTestTrain - K(X*, X), M×N.
 * @param kTestTest - K(X*, X*), M×M (omitted: no covariance).
 * @param options - `diagReg` σ².
 * @returns Posterior mean and covariance.
 * @throws {ShapeError} If shapes disagree. {@link @ntk/core!ArgumentRangeError} For empty or non-finite data or a bad
 *   `diagReg`. {@link @ntk/core!NotPositiveDefiniteError} If K + σ²I is not positive definite (names the pivot; pass a
 *   larger `diagReg`). {@link @ntk/core!NumericalError} For a non-finite result.
 * @example
 * ```ts
 * const { mean, covariance } = nngpPosterior(kXX, Y, kTX, kTT, { diagReg: 1e-4 });
 * ```
 */
export function nngpPosterior(
  kTrainTrain: Matrix<FloatArray>,
  yTrain: Matrix<FloatArray>,
  kTestTrain: Matrix<FloatArray>,
  kTestTest?: Matrix<FloatArray>,
  options: NngpPosteriorOptions = {},
): NngpPosterior {
  const k = checkSquareKernel(FN, 'kTrainTrain', kTrainTrain);
  const n = k.rows;
  const y = checkLabels(FN, 'yTrain', yTrain, n);
  if (typeof options !== 'object' || options === null)
    throw argumentError('type', FN, 'options', 'an object', options);
  const reg = checkDiagReg(FN, options.diagReg);
  const m = (kTestTrain as Matrix | undefined)?.rows ?? 0;
  const kx = checkFiniteMatrix(FN, 'kTestTrain', kTestTrain, m, n, 'K(X*, X): one column per training point');
  const a = k.clone();
  for (let i = 0; i < n; i++) a.data[i * n + i] = (a.data[i * n + i] as number) + reg;
  let L: Matrix;
  try {
    L = cholesky(a);
  } catch (e) {
    if (e instanceof NotPositiveDefiniteError)
      throw new NotPositiveDefiniteError(FN, e.pivotIndex, e.pivotValue, reg);
    throw e;
  }
  const alpha = choleskySolve(L, y);
  const mean = matmul(kx, alpha);
  assertFiniteResult(FN, 'the posterior mean', mean.data, mean.cols);
  let covariance: Matrix | null = null;
  if (kTestTest !== undefined) {
    const kxx = checkFiniteMatrix(FN, 'kTestTest', kTestTest, m, m, 'K(X*, X*), M×M');
    const v = choleskySolve(L, kx.transpose()); // (K+σ²I)⁻¹K(X, X*), N×M
    covariance = addMatrices(kxx, matmul(kx, v), -1);
    assertFiniteResult(FN, 'the posterior covariance', covariance.data, covariance.cols);
  }
  return { mean, covariance };
}
