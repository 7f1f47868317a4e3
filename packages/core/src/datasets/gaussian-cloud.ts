import { argumentError } from '../errors/argument-error.ts';
import { checkInteger } from '../errors/validate.ts';
import { Matrix } from '../matrix/matrix.ts';
import { checkKey, type Key } from '../random/key.ts';
import { normal } from '../random/sample.ts';

/**
 * `n` points from an isotropic Gaussian N(μ, s²·I_d).
 *
 * @param k - Key.
 * @param n - Number of points.
 * @param d - Dimension.
 * @param options - `mean` (a number for every coordinate or an array of d; default 0), `std` s (default 1).
 * @returns An n×d matrix.
 * @throws {ArgumentRangeError} For bad sizes, a non-positive std, or a mean of the wrong length.
 * @example
 * ```ts
 * const x = gaussianCloud(key(1), 100, 2, { mean: [3, 0], std: 0.5 });
 * ```
 */
export function gaussianCloud(
  k: Key,
  n: number,
  d: number,
  options: { mean?: number | ArrayLike<number>; std?: number } = {},
): Matrix {
  checkKey('gaussianCloud', 'k', k);
  checkInteger('gaussianCloud', 'n', n, 0);
  checkInteger('gaussianCloud', 'd', d, 1);
  const std = options.std ?? 1;
  if (typeof std !== 'number' || !Number.isFinite(std) || std <= 0) {
    throw argumentError('range', 'gaussianCloud', 'options.std', 'a finite number > 0', std);
  }
  const mean = options.mean ?? 0;
  const mu = new Float64Array(d);
  if (typeof mean === 'number') {
    if (!Number.isFinite(mean)) throw argumentError('range', 'gaussianCloud', 'options.mean', 'finite', mean);
    mu.fill(mean);
  } else {
    if (mean.length !== d) {
      throw argumentError(
        'range',
        'gaussianCloud',
        'options.mean',
        `a number or an array of d = ${d} numbers`,
        mean,
      );
    }
    for (let j = 0; j < d; j++) {
      const m = mean[j];
      if (typeof m !== 'number' || !Number.isFinite(m)) {
        throw argumentError('range', 'gaussianCloud', `options.mean[${j}]`, 'a finite number', m);
      }
      mu[j] = m;
    }
  }
  const g = normal(k, n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) g[i * d + j] = (mu[j] as number) + std * (g[i * d + j] as number);
  return new Matrix(n, d, g);
}
