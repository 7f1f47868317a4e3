import { NumericalError } from '@ntk/core';

/**
 * g(λ) such that, for the MSE convention of this package (loss (1/N)Σ½‖y − f‖²), the trained function is
 * f_t(x) = f₀(x) + Θ(x, X)·V·diag(g(λ))·Vᵀ·(Y − f₀(X)).
 *
 * - Gradient flow to time t (t = η·steps): g(λ) = (1 − e^{−λt/N})/λ = −expm1(−λt/N)/λ; g(0) = t/N; t = ∞: 1/λ.
 * - k steps of gradient descent with rate η: g(λ) = (1 − (1 − ηλ/N)^k)/λ, computed as −expm1(k·log1p(−ηλ/N))/λ
 *   when ηλ/N < 1 (no cancellation for small ηλ/N); g(0) = kη/N.
 *
 * @param fn - Calling function (for the error).
 * @param values - Eigenvalues (≥ 0, exact zeros for the null space).
 * @param n - N.
 * @param time - t (used when `steps` is null); may be Infinity.
 * @param steps - Number of discrete steps k, or null for the flow.
 * @param learningRate - η for the discrete steps.
 * @returns g(λ_j) for each eigenvalue.
 * @throws {NumericalError} For t = ∞ on a singular kernel, naming the zero eigenvalue.
 */
export function spectralWeights(
  fn: string,
  values: Float64Array,
  n: number,
  time: number,
  steps: number | null,
  learningRate: number,
): Float64Array {
  const g = new Float64Array(values.length);
  for (let j = 0; j < values.length; j++) {
    const lam = values[j] as number;
    if (steps !== null) {
      const a = (learningRate * lam) / n;
      if (lam === 0) g[j] = (steps * learningRate) / n;
      else if (a < 1) g[j] = -Math.expm1(steps * Math.log1p(-a)) / lam;
      else g[j] = (1 - (1 - a) ** steps) / lam;
    } else if (time === Number.POSITIVE_INFINITY) {
      if (lam === 0) {
        let zeros = 0;
        while (zeros < values.length && values[zeros] === 0) zeros++;
        throw new NumericalError(
          fn,
          `t = ∞ needs a non-singular kernel, but eigenvalue(s) 0..${zeros - 1} (ascending) are numerically zero: ` +
            'the flow never converges along their eigenvectors. Pass options.diagReg > 0 (kernel ridge ' +
            'regression) or a finite time.',
          { zeroEigenvalues: zeros },
        );
      }
      g[j] = 1 / lam;
    } else if (lam === 0) g[j] = time / n;
    else g[j] = -Math.expm1((-lam * time) / n) / lam;
  }
  return g;
}
