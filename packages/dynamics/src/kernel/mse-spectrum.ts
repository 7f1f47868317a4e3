import { argumentError, checkNumber, eigh, type FloatArray, Matrix, NumericalError } from '@ntk/core';
import { checkDiagReg, checkSquareKernel } from '../internal/check-data.ts';

/** Options of {@link mseSpectrum}. */
export interface MseSpectrumOptions {
  /** Diagonal regulariser σ² ≥ 0 added to the kernel: the spectrum is that of Θ + σ²·I (default 0). */
  readonly diagReg?: number;
  /** Condition number above which a warning is issued (default 1e10). */
  readonly conditionWarning?: number;
}

/**
 * The spectrum of a train–train kernel as it governs MSE training, from one symmetric eigendecomposition.
 * Everything the predictions need is here, so it is computed once per kernel.
 */
export interface MseSpectrum {
  /** N, the number of training points. */
  readonly n: number;
  /** Eigenvalues λ_0 ≤ … ≤ λ_{N−1} of Θ + σ²I; those within `nullTolerance` of zero are set to exactly 0. */
  readonly values: Float64Array;
  /** N×N orthonormal V, column j the eigenvector of `values[j]`. */
  readonly vectors: Matrix;
  /** The diagonal regulariser σ² that was added. */
  readonly diagReg: number;
  /** λ_max. */
  readonly lambdaMax: number;
  /** λ_min (after clamping: 0 for a numerically singular kernel). */
  readonly lambdaMin: number;
  /** κ = λ_max/λ_min (Infinity when λ_min = 0). */
  readonly conditionNumber: number;
  /**
   * The largest stable learning rate of full-batch gradient descent on the mean loss (1/N)Σ½‖y − f‖² in the
   * linear (NTK) regime: η_max = 2N/λ_max. Below it the residual contracts in every eigendirection.
   */
  readonly maxLearningRate: number;
  /** Eigenvalues with |λ| ≤ this (N·ε·λ_max) count as zero. */
  readonly nullTolerance: number;
  /** Number of eigenvalues above `nullTolerance`. */
  readonly rank: number;
  /** Human-readable warnings (singular or ill-conditioned kernel), each saying what to do. */
  readonly warnings: readonly string[];
}

/**
 * Eigendecomposition and stability figures of a train–train kernel Θ(X, X) for MSE training.
 *
 * Convention (shared by every function of this package and by its trainer): the loss is the mean over the N
 * training points of ½‖y_i − f(x_i)‖², so one gradient step is θ ← θ − (η/N)·J(X)ᵀ(f(X) − Y) and, in the
 * linear (NTK) regime, f ← f − (η/N)·Θ·(f − Y). Each eigencomponent of the residual is multiplied by
 * (1 − ηλ/N) per step, hence stability iff η < η_max = 2N/λ_max (neural-tangents' `max_learning_rate`
 * gives 2·y_train.size/λ_max, the same figure for a scalar output). The condition number κ = λ_max/λ_min
 * measures the spread of time scales (the slowest mode decays like e^{−λ_min·t/N}) and how much the t = ∞
 * solve Θ⁻¹(Y − f₀) amplifies rounding (about κ·ε relative).
 *
 * Diagnostics: an eigenvalue below −N·ε·λ_max means the matrix is not positive semi-definite (an error,
 * naming the eigenvalue); eigenvalues within ±N·ε·λ_max are treated as zero (the kernel is singular: a
 * warning names them); κ above `conditionWarning` gives a warning. Each message says what to do (add
 * `diagReg`, use a finite time, remove duplicate inputs).
 *
 * Reference: Jacot, Gabriel & Hongler (2018), "Neural Tangent Kernel", NeurIPS; Lee et al. (2019), "Wide
 * Neural Networks of Any Depth Evolve as Linear Models Under Gradient Descent", NeurIPS, §2.
 *
 * @param kTrainTrain - Θ(X, X), N×N symmetric PSD (an analytic or empirical NTK, or an NNGP).
 * @param options - Diagonal regulariser and warning threshold.
 * @returns The spectrum, η_max, κ and warnings.
 * @throws {ArgumentTypeError} If the kernel is not a Matrix. {@link @ntk/core!ShapeError} If not square.
 *   {@link @ntk/core!ArgumentRangeError} If empty, non-finite, not symmetric, or an option is bad.
 *   {@link @ntk/core!NumericalError} If the kernel has a clearly negative eigenvalue or is zero.
 * @example
 * ```ts
 * const s = mseSpectrum(Matrix.fromRows([[2, 1], [1, 2]]));
 * s.values;          // [1, 3]
 * s.maxLearningRate; // 2·2/3
 * s.conditionNumber; // 3
 * ```
 */
export function mseSpectrum(kTrainTrain: Matrix<FloatArray>, options: MseSpectrumOptions = {}): MseSpectrum {
  return spectrumOf('mseSpectrum', kTrainTrain, options);
}

/**
 * {@link mseSpectrum} under another function's name, for its error messages.
 *
 * @param fn - Calling function.
 * @param kTrainTrain - Kernel.
 * @param options - Options.
 * @returns The spectrum.
 */
export function spectrumOf(fn: string, kTrainTrain: unknown, options: MseSpectrumOptions): MseSpectrum {
  const k = checkSquareKernel(fn, 'kTrainTrain', kTrainTrain);
  if (typeof options !== 'object' || options === null) {
    throw argumentError('type', fn, 'options', 'an object', options);
  }
  const diagReg = checkDiagReg(fn, options.diagReg);
  const condWarn = checkNumber(fn, 'options.conditionWarning', options.conditionWarning ?? 1e10, {
    positive: true,
  });
  const n = k.rows;
  const a = symmetrised(fn, k);
  if (diagReg > 0) for (let i = 0; i < n; i++) a.data[i * n + i] = (a.data[i * n + i] as number) + diagReg;
  const { values: raw, vectors } = eigh(a);
  const lambdaMax = raw[n - 1] as number;
  if (!(lambdaMax > 0)) {
    throw new NumericalError(
      fn,
      `the kernel has no positive eigenvalue (largest ${lambdaMax}): training does not move. Check the kernel (all zeros?).`,
      { lambdaMax },
    );
  }
  const tol = n * Number.EPSILON * lambdaMax;
  const values = new Float64Array(n);
  const warnings: string[] = [];
  let rank = 0;
  for (let j = 0; j < n; j++) {
    const v = raw[j] as number;
    if (v < -tol) {
      throw new NumericalError(
        fn,
        `the kernel is not positive semi-definite: eigenvalue ${j} (ascending) is ${v} < −${tol.toExponential(2)} ` +
          '(N·ε·λ_max). A valid NTK/NNGP is PSD: check how it was computed (symmetry, float32 rounding), or add ' +
          `diagReg ≥ ${(-v).toExponential(2)}.`,
        { index: j, eigenvalue: v, tolerance: tol },
      );
    }
    if (v <= tol) values[j] = 0;
    else {
      values[j] = v;
      rank++;
    }
  }
  const lambdaMin = values[0] as number;
  const conditionNumber = lambdaMin > 0 ? lambdaMax / lambdaMin : Number.POSITIVE_INFINITY;
  if (rank < n) {
    warnings.push(
      `${fn}: the kernel is singular: ${n - rank} eigenvalue(s) (indices 0..${n - rank - 1}, ascending; largest of them ` +
        `${raw[n - rank - 1]}) are within N·ε·λ_max = ${tol.toExponential(2)} of zero. Gradient flow leaves those ` +
        'components of the residual unchanged and the t = ∞ prediction is undefined. Add diagReg > 0 (e.g. ' +
        `${(1e-8 * lambdaMax).toExponential(1)}), use a finite time, or remove duplicate inputs.`,
    );
  } else if (conditionNumber > condWarn) {
    warnings.push(
      `${fn}: the kernel is ill-conditioned: κ = λ_max/λ_min = ${conditionNumber.toExponential(2)} > ${condWarn} ` +
        `(λ_min = ${lambdaMin}, eigenvalue 0). The slowest mode needs t ≈ N/λ_min = ${(n / lambdaMin).toExponential(2)} ` +
        'to converge and the t = ∞ solve loses about log10(κ) digits. Add diagReg (e.g. ' +
        `${(1e-8 * lambdaMax).toExponential(1)}) if that matters.`,
    );
  }
  return {
    n,
    values,
    vectors,
    diagReg,
    lambdaMax,
    lambdaMin,
    conditionNumber,
    maxLearningRate: (2 * n) / lambdaMax,
    nullTolerance: tol,
    rank,
    warnings,
  };
}

/**
 * Checks that a kernel is symmetric to 1e-10 relative to its largest entry and returns (K + Kᵀ)/2.
 *
 * @param fn - Calling function.
 * @param k - Square float64 kernel.
 * @returns The symmetrised copy.
 * @throws {ArgumentRangeError} Naming the first asymmetric pair.
 */
function symmetrised(fn: string, k: Matrix): Matrix {
  const n = k.rows;
  let scale = 0;
  for (let i = 0; i < k.data.length; i++) scale = Math.max(scale, Math.abs(k.data[i] as number));
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const a = k.data[i * n + j] as number;
      const b = k.data[j * n + i] as number;
      if (Math.abs(a - b) > 1e-10 * scale) {
        throw argumentError(
          'range',
          fn,
          'kTrainTrain',
          `symmetric (|K[i][j] − K[j][i]| ≤ 1e-10·max|K|); K[${i}][${j}] = ${a}, K[${j}][${i}] = ${b}`,
          k.shapeText,
        );
      }
      const m = 0.5 * (a + b);
      out[i * n + j] = m;
      out[j * n + i] = m;
    }
  }
  return new Matrix(n, n, out);
}
