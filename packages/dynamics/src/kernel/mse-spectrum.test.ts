import { ArgumentRangeError, ArgumentTypeError, key, Matrix, NumericalError, ShapeError } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { randomKernel } from '../../test/helpers.ts';
import { mseSpectrum } from './mse-spectrum.ts';

describe('mseSpectrum', () => {
  it('mseSpectrum(K) gives the eigenvalues, η_max = 2N/λ_max and κ of a 2×2 kernel', () => {
    const s = mseSpectrum(
      Matrix.fromRows([
        [2, 1],
        [1, 2],
      ]),
    );
    expect(Array.from(s.values)).toEqual([expect.closeTo(1, 14), expect.closeTo(3, 14)]);
    expect(s.maxLearningRate).toBeCloseTo((2 * 2) / 3, 14);
    expect(s.conditionNumber).toBeCloseTo(3, 13);
    expect(s.rank).toBe(2);
    expect(s.warnings).toEqual([]);
  });

  it('mseSpectrum(K, { diagReg }) shifts every eigenvalue by σ²', () => {
    const { K } = randomKernel(key(1), 6, 3, 0); // rank 3
    const a = mseSpectrum(K, { diagReg: 0.5 });
    const b = mseSpectrum(K);
    for (let j = 0; j < 6; j++) expect(a.values[j]).toBeCloseTo((b.values[j] as number) + 0.5, 12);
  });

  it('mseSpectrum(K) warns about a singular kernel, naming the zero eigenvalues and diagReg', () => {
    const { K } = randomKernel(key(2), 6, 3, 0); // rank 3 of 6
    const s = mseSpectrum(K);
    expect(s.rank).toBe(3);
    expect(s.lambdaMin).toBe(0);
    expect(s.conditionNumber).toBe(Number.POSITIVE_INFINITY);
    expect(s.warnings[0]).toMatch(/singular: 3 eigenvalue\(s\) \(indices 0\.\.2.*diagReg/);
  });

  it('mseSpectrum(K) warns about an ill-conditioned kernel', () => {
    const s = mseSpectrum(
      Matrix.fromRows([
        [1, 0],
        [0, 1e-12],
      ]),
    );
    expect(s.conditionNumber).toBeCloseTo(1e12, -3);
    expect(s.warnings[0]).toMatch(/ill-conditioned: κ = λ_max\/λ_min = 1.00e\+12.*diagReg/);
    expect(
      mseSpectrum(
        Matrix.fromRows([
          [1, 0],
          [0, 1e-12],
        ]),
        { conditionWarning: 1e13 },
      ).warnings,
    ).toEqual([]);
  });

  it('mseSpectrum(K) rejects a kernel with a clearly negative eigenvalue, naming it', () => {
    expect(() =>
      mseSpectrum(
        Matrix.fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toThrow(NumericalError);
    expect(() =>
      mseSpectrum(
        Matrix.fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toThrow(/eigenvalue 0 \(ascending\) is -1/);
    expect(() => mseSpectrum(Matrix.zeros(3, 3))).toThrow(/no positive eigenvalue/);
  });

  it('mseSpectrum rejects bad input', () => {
    expect(() => mseSpectrum([[1]] as unknown as Matrix)).toThrow(ArgumentTypeError);
    expect(() => mseSpectrum(Matrix.zeros(2, 3))).toThrow(ShapeError);
    expect(() => mseSpectrum(Matrix.zeros(0, 0))).toThrow(/non-empty/);
    expect(() =>
      mseSpectrum(
        Matrix.fromRows([
          [1, Number.NaN],
          [Number.NaN, 1],
        ]),
      ),
    ).toThrow(ArgumentRangeError);
    expect(() =>
      mseSpectrum(
        Matrix.fromRows([
          [1, 0.5],
          [0.4, 1],
        ]),
      ),
    ).toThrow(/symmetric/);
    expect(() => mseSpectrum(Matrix.identity(2), { diagReg: -1 })).toThrow(/options.diagReg/);
    expect(() => mseSpectrum(Matrix.identity(2), { conditionWarning: 0 })).toThrow(/conditionWarning/);
  });
});
