import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomOrthogonal, randomSymmetric, withSpectrum } from '../../bench/matrices.ts';
import { ArgumentRangeError, ArgumentTypeError } from '../errors/argument-error.ts';
import { ShapeError } from '../errors/shape-error.ts';
import { Matrix } from '../matrix/matrix.ts';
import { eigh } from './eigh.ts';
import { eigvalsh } from './eigvalsh.ts';

const SEED = 77;

describe('eigvalsh', () => {
  // Same bound as for eigh (Weyl: |Δλ| ≤ c·n·ε·max|λ|), 1e-10·max|λ| is safe; spectra with repeats.
  it(`eigvalsh(a) recovers a known spectrum (seed ${SEED})`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 30 }),
        fc.nat(1_000_000),
        (spectrum, s) => {
          const n = spectrum.length;
          const values = eigvalsh(withSpectrum(randomOrthogonal(s, n), spectrum));
          const expected = Float64Array.from(spectrum).sort();
          const scale = Math.max(1, ...expected.map(Math.abs));
          for (let i = 0; i < n; i++) {
            expect(Math.abs((values[i] as number) - (expected[i] as number))).toBeLessThan(1e-10 * scale);
          }
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  // Both routes share the reduction; without rotations the QL iteration makes the same shifts, so the values
  // agree to a few ulps of ‖A‖ (1e-12 relative leaves room).
  it('eigvalsh(a) agrees with eigh(a).values', () => {
    const a = randomSymmetric(8, 60);
    const v = eigvalsh(a);
    const w = eigh(a).values;
    const scale = Math.max(...w.map(Math.abs));
    for (let i = 0; i < 60; i++)
      expect(Math.abs((v[i] as number) - (w[i] as number))).toBeLessThan(1e-12 * scale);
  });

  it('eigvalsh handles n = 0, n = 1 and the zero matrix', () => {
    expect(eigvalsh(Matrix.zeros(0, 0))).toHaveLength(0);
    expect(Array.from(eigvalsh(Matrix.fromRows([[4]])))).toEqual([4]);
    expect(Array.from(eigvalsh(Matrix.zeros(3, 3)))).toEqual([0, 0, 0]);
  });

  it('eigvalsh rejects a non-Matrix, a non-square matrix, non-finite entries and asymmetry', () => {
    expect(() => eigvalsh(1 as unknown as Matrix)).toThrow(ArgumentTypeError);
    expect(() => eigvalsh(Matrix.zeros(1, 2))).toThrow(ShapeError);
    expect(() =>
      eigvalsh(
        Matrix.fromRows([
          [1, 0],
          [0, Number.NaN],
        ]),
      ),
    ).toThrow('`a[1][1]` must be finite');
    expect(() =>
      eigvalsh(
        Matrix.fromRows([
          [1, 0],
          [1, 1],
        ]),
      ),
    ).toThrow(ArgumentRangeError);
    expect(() => eigvalsh(Matrix.identity(2), { symmetryTolerance: Number.NaN })).toThrow(ArgumentRangeError);
  });
});
