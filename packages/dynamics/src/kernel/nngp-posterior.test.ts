import { ArgumentRangeError, key, Matrix, NotPositiveDefiniteError, ShapeError } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { crossKernel, mul, randomKernel, randomMatrix, relErr } from '../../test/helpers.ts';
import { nngpPosterior } from './nngp-posterior.ts';

describe('nngpPosterior', () => {
  it('nngpPosterior(K, Y, K*, K**) matches the Gaussian conditioning formulas on a 1-D example', () => {
    // Two train points with K = [[2, 1], [1, 2]], σ² = 1, one test point with k* = [1, 0], k** = 3:
    // (K + I)⁻¹ = [[3, −1], [−1, 3]]/8; mean = k*(K+I)⁻¹Y = (3y₁ − y₂)/8; var = 3 − k*(K+I)⁻¹k*ᵀ = 3 − 3/8.
    const K = Matrix.fromRows([
      [2, 1],
      [1, 2],
    ]);
    const Y = Matrix.fromRows([[1], [2]]);
    const { mean, covariance } = nngpPosterior(K, Y, Matrix.fromRows([[1, 0]]), Matrix.fromRows([[3]]), {
      diagReg: 1,
    });
    expect(mean.data[0]).toBeCloseTo((3 - 2) / 8, 14);
    expect(covariance!.data[0]).toBeCloseTo(3 - 3 / 8, 14);
  });

  it('nngpPosterior at the training points with σ² → 0 interpolates and has zero variance (seed 3)', () => {
    const { K } = randomKernel(key(3), 6, 10, 0.05);
    const Y = randomMatrix(key(3), 6, 2, 1);
    const p = nngpPosterior(K, Y, K, K);
    // κ ≈ 1e2: agreement to ~κ·N·ε
    expect(relErr(p.mean.data, Y.data)).toBeLessThan(1e-12);
    expect(Math.max(...p.covariance!.data.map(Math.abs))).toBeLessThan(1e-12);
  });

  it('nngpPosterior covariance is symmetric PSD and below the prior (seed 4)', () => {
    const { K, F } = randomKernel(key(4), 7, 5, 0.1);
    const Ft = randomMatrix(key(4), 4, 5, 2);
    const kx = crossKernel(Ft, F);
    const kxx = mul(Ft, Ft.transpose());
    const kxxs = new Matrix(
      4,
      4,
      kxx.data.map((v) => v / 5),
    );
    const { covariance } = nngpPosterior(K, randomMatrix(key(4), 7, 1, 3), kx, kxxs, { diagReg: 0.01 });
    const C = covariance!;
    for (let i = 0; i < 4; i++) {
      expect(C.get(i, i)).toBeGreaterThanOrEqual(-1e-12);
      expect(C.get(i, i)).toBeLessThanOrEqual(kxxs.get(i, i) + 1e-12);
      for (let j = 0; j < 4; j++) expect(C.get(i, j)).toBeCloseTo(C.get(j, i), 12);
    }
  });

  it('nngpPosterior rejects bad input', () => {
    const K = Matrix.identity(3);
    const Y = Matrix.zeros(3, 1);
    expect(() => nngpPosterior(K, Matrix.zeros(2, 1), Matrix.zeros(1, 3))).toThrow(ShapeError);
    expect(() => nngpPosterior(K, Y, Matrix.zeros(1, 2))).toThrow(ShapeError);
    expect(() => nngpPosterior(K, Y, Matrix.zeros(1, 3), Matrix.zeros(2, 2))).toThrow(ShapeError);
    expect(() => nngpPosterior(K, Y, Matrix.zeros(1, 3), undefined, { diagReg: -1 })).toThrow(
      ArgumentRangeError,
    );
    const yInf = Y.clone();
    yInf.data[0] = Number.POSITIVE_INFINITY;
    expect(() => nngpPosterior(K, yInf, Matrix.zeros(1, 3))).toThrow(/yTrain/);
    expect(() => nngpPosterior(Matrix.zeros(3, 3), Y, Matrix.zeros(1, 3))).toThrow(NotPositiveDefiniteError);
    expect(() => nngpPosterior(Matrix.zeros(3, 3), Y, Matrix.zeros(1, 3))).toThrow(/nngpPosterior/);
  });
});
