import {
  ArgumentRangeError,
  ArgumentTypeError,
  cholesky,
  choleskySolve,
  key,
  Matrix,
  NumericalError,
  ShapeError,
} from '@ntk/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossKernel, mul, randomKernel, randomMatrix, relErr } from '../../test/helpers.ts';
import { gradientDescentMse } from './gradient-descent-mse.ts';

/** Fixture: N = 8 train points, M = 5 test points, O = 2 outputs, kernel of 12 random features + 0.1·I. */
function fixture(seed: number) {
  const k = key(seed);
  const n = 8;
  const { K, F } = randomKernel(k, n, 12, 0.1);
  const Ft = randomMatrix(k, 5, 12, 1);
  return {
    K,
    kx: crossKernel(Ft, F),
    Y: randomMatrix(k, n, 2, 2),
    f0: randomMatrix(k, n, 2, 3),
    ft0: randomMatrix(k, 5, 2, 4),
  };
}

describe('gradientDescentMse', () => {
  it('predict({ time }) equals the matrix-exponential series for small t (seed 11)', () => {
    // Reference without any eigendecomposition or inverse: with S = Θ·t/N,
    // e^{−S} = Σ_k (−S)^k/k! and Θ⁻¹(I − e^{−S}) = (t/N)·Σ_{k≥1} (−S)^{k−1}/k!.
    // ‖S‖ ≤ 1 here, so 40 terms leave a remainder below 1/40! ≈ 1e-48; rounding is O(N·ε): tolerance 1e-12.
    const { K, kx, Y, f0, ft0 } = fixture(11);
    const n = K.rows;
    const gd = gradientDescentMse(K, Y);
    const t = (0.9 * n) / gd.spectrum.lambdaMax;
    const S = new Matrix(
      n,
      n,
      K.data.map((v) => (v * t) / n),
    );
    let term = Matrix.identity(n); // (−S)^k/k!
    let expS = Matrix.identity(n);
    let phi = Matrix.identity(n); // Σ (−S)^{k−1}/k!
    for (let k = 1; k <= 40; k++) {
      term = new Matrix(
        n,
        n,
        mul(term, S).data.map((v) => -v / k),
      );
      expS = new Matrix(
        n,
        n,
        expS.data.map((v, i) => v + (term.data[i] as number)),
      );
      // (−S)^{k}/(k+1)! = term·1/(k+1)
      phi = new Matrix(
        n,
        n,
        phi.data.map((v, i) => v + (term.data[i] as number) / (k + 1)),
      );
    }
    const r0 = new Matrix(
      n,
      2,
      Y.data.map((v, i) => v - (f0.data[i] as number)),
    );
    const wantTrain = new Matrix(
      n,
      2,
      Y.data.map((v, i) => v - (mul(expS, r0).data[i] as number)),
    );
    const w = mul(phi, r0);
    const wantTest = mul(kx, w).data.map((v, i) => (ft0.data[i] as number) + (t / n) * v);
    const got = gd.predict({ time: t, fTrain0: f0, kTestTrain: kx, fTest0: ft0 });
    expect(relErr(got.train.data, wantTrain.data)).toBeLessThan(1e-12);
    expect(relErr(got.test!.data, wantTest)).toBeLessThan(1e-12);
    expect(got.steps).toBeNull();
  });

  it('predict({ time: Infinity }) equals kernel regression Θ(X*, X)Θ⁻¹(Y − f₀) + f₀ (seed 12)', () => {
    // Cholesky reference; κ ≲ 1e3 here, so the two solves agree to ~κ·N·ε ≈ 1e-12.
    const { K, kx, Y, f0, ft0 } = fixture(12);
    const gd = gradientDescentMse(K, Y);
    expect(gd.spectrum.conditionNumber).toBeLessThan(1e3);
    const r0 = new Matrix(
      K.rows,
      2,
      Y.data.map((v, i) => v - (f0.data[i] as number)),
    );
    const alpha = choleskySolve(cholesky(K), r0);
    const want = mul(kx, alpha).data.map((v, i) => v + (ft0.data[i] as number));
    const got = gd.predict({ time: Number.POSITIVE_INFINITY, fTrain0: f0, kTestTrain: kx, fTest0: ft0 });
    expect(relErr(got.test!.data, want)).toBeLessThan(1e-11);
    expect(relErr(got.train.data, Y.data)).toBeLessThan(1e-11); // interpolates the labels
  });

  it('predict({ steps, learningRate }) equals iterating f ← f − (η/N)Θ(f − Y) (seed 13)', () => {
    const { K, kx, Y, f0, ft0 } = fixture(13);
    const n = K.rows;
    const gd = gradientDescentMse(K, Y);
    const eta = 0.7 * gd.spectrum.maxLearningRate;
    let f = f0.clone();
    let ft = ft0.clone();
    for (let s = 0; s < 25; s++) {
      const r = new Matrix(
        n,
        2,
        f.data.map((v, i) => v - (Y.data[i] as number)),
      );
      const d = mul(K, r);
      const dt = mul(kx, r);
      f = new Matrix(
        n,
        2,
        f.data.map((v, i) => v - (eta / n) * (d.data[i] as number)),
      );
      ft = new Matrix(
        5,
        2,
        ft.data.map((v, i) => v - (eta / n) * (dt.data[i] as number)),
      );
    }
    const got = gd.predict({ steps: 25, learningRate: eta, fTrain0: f0, kTestTrain: kx, fTest0: ft0 });
    expect(relErr(got.train.data, f.data)).toBeLessThan(1e-12);
    expect(relErr(got.test!.data, ft.data)).toBeLessThan(1e-12);
    expect(got.time).toBeCloseTo(25 * eta, 14);
    expect(got.warnings).toEqual([]);
  });

  it('predict({ steps }) decreases the loss monotonically below η_max = 2N/λ_max and diverges above it (seed 14)', () => {
    const { K, Y } = fixture(14);
    const gd = gradientDescentMse(K, Y);
    const loss = (f: Matrix): number =>
      f.data.reduce((s, v, i) => s + 0.5 * (v - (Y.data[i] as number)) ** 2, 0) / K.rows;
    let prev = Number.POSITIVE_INFINITY;
    for (let s = 0; s <= 40; s++) {
      const l = loss(gd.predict({ steps: s, learningRate: 0.95 * gd.spectrum.maxLearningRate }).train);
      expect(l).toBeLessThan(prev);
      prev = l;
    }
    const bad = gd.predict({ steps: 200, learningRate: 1.05 * gd.spectrum.maxLearningRate });
    // the top mode grows by |1 − 2·1.05| = 1.1 per step: 1.1^200 ≈ 2e8
    expect(loss(bad.train)).toBeGreaterThan(1e10 * loss(gd.predict({ steps: 0, learningRate: 1 }).train));
    expect(bad.warnings[0]).toMatch(/diverges/);
  });

  it('predict({ time }) is a semigroup: from f_t, time s more gives f_{t+s} (fast-check, seed 42)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (seed, t, s) => {
          const { K, kx, Y } = fixture(seed);
          const gd = gradientDescentMse(K, Y);
          const a = gd.predict({ time: t, kTestTrain: kx });
          const b = gd.predict({ time: s, fTrain0: a.train, kTestTrain: kx, fTest0: a.test! });
          const c = gd.predict({ time: t + s, kTestTrain: kx });
          expect(relErr(b.train.data, c.train.data)).toBeLessThan(1e-11);
          expect(relErr(b.test!.data, c.test!.data)).toBeLessThan(1e-11);
        },
      ),
      { seed: 42, numRuns: 30 },
    );
  });

  it('predict({ time }) is finite on a singular kernel at finite t and names the zero eigenvalue at t = ∞', () => {
    const { K, F } = randomKernel(key(15), 6, 3, 0); // rank 3
    const Y = randomMatrix(key(15), 6, 1, 9);
    const gd = gradientDescentMse(K, Y);
    expect(gd.spectrum.warnings[0]).toMatch(/singular/);
    const p = gd.predict({ time: 100, kTestTrain: crossKernel(F, F) });
    expect(p.train.data.every(Number.isFinite)).toBe(true);
    expect(() => gd.predict({ time: Number.POSITIVE_INFINITY })).toThrow(NumericalError);
    expect(() => gd.predict({ time: Number.POSITIVE_INFINITY })).toThrow(
      /eigenvalue\(s\) 0\.\.2 \(ascending\).*diagReg/,
    );
    // with a ridge the t = ∞ prediction exists
    expect(
      gradientDescentMse(K, Y, { diagReg: 1e-3 })
        .predict({ time: Number.POSITIVE_INFINITY })
        .train.data.every(Number.isFinite),
    ).toBe(true);
  });

  it('gradientDescentMse rejects bad input', () => {
    const { K, kx, Y } = fixture(16);
    expect(() => gradientDescentMse(K, Matrix.zeros(7, 1))).toThrow(ShapeError);
    expect(() => gradientDescentMse(K, Matrix.zeros(8, 0))).toThrow(ShapeError);
    expect(() => gradientDescentMse(Matrix.zeros(0, 0), Matrix.zeros(0, 1))).toThrow(ArgumentRangeError);
    const yNaN = Y.clone();
    yNaN.data[3] = Number.NaN;
    expect(() => gradientDescentMse(K, yNaN)).toThrow(/yTrain.data\[3\]/);
    expect(() => gradientDescentMse(K, 'y' as unknown as Matrix)).toThrow(ArgumentTypeError);
    const gd = gradientDescentMse(K, Y);
    expect(() => gd.predict({ steps: 3, learningRate: 0 })).toThrow(/learningRate/);
    expect(() => gd.predict({ steps: 3, learningRate: -1 })).toThrow(ArgumentRangeError);
    expect(() => gd.predict({ steps: 3 })).toThrow(/learningRate/);
    expect(() => gd.predict({ steps: 1.5, learningRate: 1 })).toThrow(/steps/);
    expect(() => gd.predict({ time: 1, steps: 1, learningRate: 1 })).toThrow(/not both/);
    expect(() => gd.predict({ time: -1 })).toThrow(/query.time/);
    expect(() => gd.predict({ time: Number.NaN })).toThrow(/query.time/);
    expect(() => gd.predict({})).toThrow(/query.time/);
    expect(() => gd.predict({ time: 1, learningRate: 1 })).toThrow(/learningRate/);
    expect(() => gd.predict({ time: 1, kTestTrain: Matrix.zeros(5, 7) })).toThrow(ShapeError);
    expect(() => gd.predict({ time: 1, kTestTrain: kx, fTest0: Matrix.zeros(4, 2) })).toThrow(ShapeError);
    expect(() => gd.predict({ time: 1, fTest0: Matrix.zeros(5, 2) })).toThrow(/kTestTrain/);
    expect(() => gd.predict({ time: 1, fTrain0: Matrix.zeros(8, 1) })).toThrow(ShapeError);
    expect(() => gd.predict(null as unknown as { time: number })).toThrow(ArgumentTypeError);
  });
});
