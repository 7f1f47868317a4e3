import { type Key, key, Matrix, type MlpSpec } from '@ntk/core';
import fc from 'fast-check';

/**
 * A float64 matrix with the given shape ranges and finite entries in [−scale, scale].
 *
 * @param options - Row/column bounds and entry scale.
 * @returns The arbitrary.
 */
export function matrixArb(
  options: { minRows?: number; maxRows?: number; minCols?: number; maxCols?: number; scale?: number } = {},
): fc.Arbitrary<Matrix> {
  const { minRows = 1, maxRows = 8, minCols = 1, maxCols = 8, scale = 10 } = options;
  return fc
    .tuple(fc.integer({ min: minRows, max: maxRows }), fc.integer({ min: minCols, max: maxCols }))
    .chain(([r, c]) =>
      fc
        .array(fc.double({ min: -scale, max: scale, noNaN: true, noDefaultInfinity: true }), {
          minLength: r * c,
          maxLength: r * c,
        })
        .map((vals) => new Matrix(r, c, Float64Array.from(vals))),
    );
}

/**
 * A pair of matrices with a shared inner dimension, for products: a is m×k, b is k×n.
 *
 * @param max - Largest dimension.
 * @returns The arbitrary.
 */
export function matmulPairArb(max = 9): fc.Arbitrary<[Matrix, Matrix]> {
  return fc
    .tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max }), fc.integer({ min: 1, max }))
    .chain(([m, k, n]) =>
      fc.tuple(
        matrixArb({ minRows: m, maxRows: m, minCols: k, maxCols: k }),
        matrixArb({ minRows: k, maxRows: k, minCols: n, maxCols: n }),
      ),
    );
}

/** A random key from a 32-bit seed. */
export const keyArb: fc.Arbitrary<Key> = fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((s) => key(s));

/**
 * A valid {@link MlpSpec}.
 *
 * @param options - Depth and width bounds, activations to draw from, whether widths are finite.
 * @returns The arbitrary.
 */
export function mlpSpecArb(
  options: { maxDepth?: number; maxWidth?: number; activations?: readonly string[]; finite?: boolean } = {},
): fc.Arbitrary<MlpSpec> {
  const { maxDepth = 4, maxWidth = 16, activations = ['relu', 'erf', 'tanh'], finite = true } = options;
  return fc.integer({ min: 1, max: maxDepth }).chain((depth) =>
    fc.record({
      activation: fc.constantFrom(...activations),
      depth: fc.constant(depth),
      ...(finite
        ? { widths: fc.array(fc.integer({ min: 1, max: maxWidth }), { minLength: depth, maxLength: depth }) }
        : {}),
      sigmaW2: fc.double({ min: 0.5, max: 3, noNaN: true }),
      sigmaB2: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      parameterization: fc.constantFrom('ntk' as const, 'standard' as const),
    }),
  );
}
