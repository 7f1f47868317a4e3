import { Matrix } from '@ntk/core';
import type { LoadedData } from '../data/load-data.ts';
import { UsageError } from '../errors/usage-error.ts';
import { compileTarget } from './target-expression.ts';

/**
 * The training labels Y (N×O) of `ntk train`: `labels` → the one-hot MNIST labels (N×10); otherwise the
 * expression in x1…xd evaluated on every input (N×1).
 *
 * @param target - `labels` or an expression (see `compileTarget`).
 * @param data - The loaded inputs (with MNIST labels when the data are MNIST).
 * @returns Y.
 * @throws {UsageError} For `labels` without MNIST data, a bad expression, or a non-finite value (naming the point).
 * @example
 * ```ts
 * const y = trainTargets('sin(3*x1)', data); // N×1
 * ```
 */
export function trainTargets(target: string, data: LoadedData): Matrix {
  const x = data.x;
  if (target === 'labels') {
    if (data.y === undefined) {
      throw new UsageError('--target labels needs MNIST data (--data mnist:N); give an expression in x1…xd');
    }
    return data.y.toFloat64();
  }
  const f = compileTarget(target, x.cols);
  const y = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    const v = f(x.row(i));
    if (!Number.isFinite(v)) {
      throw new UsageError(
        `--target ${JSON.stringify(target)} is ${v} at input ${i + 1} (row ${i + 1} of the data)`,
      );
    }
    y[i] = v;
  }
  return new Matrix(x.rows, 1, y);
}
