import { argumentError, type Matrix, ShapeError } from '@ntk/core';

/** The class structure of a kernel matrix relative to its diagonal (see {@link ntkBlockRatios}). */
export interface NtkBlockRatios {
  /** Mean of the within-class off-diagonal entries Θ(x_i, x_j), i ≠ j, y_i = y_j, over the mean diagonal entry. */
  readonly within: number;
  /** Mean of the between-class entries Θ(x_i, x_j), y_i ≠ y_j, over the mean diagonal entry. */
  readonly between: number;
}

/**
 * The within-class and between-class blocks of a kernel matrix relative to its diagonal, the summary of the
 * NTK's structure that Seleznova & Kutyniok (2021, arXiv 2012.04477) track during training:
 * within = mean_{i≠j, y_i=y_j} Θ_ij / mean_i Θ_ii, between = mean_{y_i≠y_j} Θ_ij / mean_i Θ_ii.
 *
 * @param kernel - A square N×N kernel matrix.
 * @param labels - N class labels.
 * @returns The two ratios (NaN for a block that is empty, e.g. `between` with a single class).
 * @throws {ShapeError} If the kernel is not square or the labels do not match its size.
 * @throws ArgumentRangeError if the mean diagonal entry is not a positive finite number.
 * @example
 * ```ts
 * ntkBlockRatios(new Matrix(2, 2, Float64Array.of(2, 1, 1, 2)), [0, 1]); // { within: NaN, between: 0.5 }
 * ```
 */
export function ntkBlockRatios(kernel: Matrix, labels: ArrayLike<number>): NtkBlockRatios {
  const fn = 'ntkBlockRatios';
  const n = kernel.rows;
  if (kernel.cols !== n)
    throw new ShapeError(fn, 'kernel', 'N×N', kernel.shapeText, 'a square kernel matrix');
  if (labels.length !== n) {
    throw new ShapeError(fn, 'labels', `${n} labels`, `${labels.length}`, 'one label per kernel row');
  }
  let diag = 0;
  let within = 0;
  let between = 0;
  let nWithin = 0;
  let nBetween = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = kernel.data[i * n + j] as number;
      if (i === j) diag += v;
      else if (labels[i] === labels[j]) {
        within += v;
        nWithin++;
      } else {
        between += v;
        nBetween++;
      }
    }
  }
  const meanDiag = diag / n;
  if (!(meanDiag > 0 && Number.isFinite(meanDiag))) {
    throw argumentError('range', fn, 'kernel', 'a positive finite mean diagonal', meanDiag);
  }
  return {
    within: nWithin === 0 ? Number.NaN : within / nWithin / meanDiag,
    between: nBetween === 0 ? Number.NaN : between / nBetween / meanDiag,
  };
}
