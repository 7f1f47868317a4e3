import { ArgumentRangeError, ArgumentTypeError, key, Matrix, ShapeError } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { crossKernel, mul, randomMatrix, relErr } from '../../test/helpers.ts';
import { gradientDescentMse } from './gradient-descent-mse.ts';
import { gradientDescentMseEnsemble } from './gradient-descent-mse-ensemble.ts';
import { nngpPosterior } from './nngp-posterior.ts';

/**
 * Fixture: NNGP K = F·Fᵀ/p and an "NTK" Θ = K + G·Gᵀ/p (both PSD) on 6 train + 4 test points.
 */
function fixture(seed: number) {
  const k = key(seed);
  const F = randomMatrix(k, 10, 8, 1);
  const G = randomMatrix(k, 10, 8, 2);
  const both = crossKernel;
  const rows = (m: Matrix, s: number, e: number) => m.rowRange(s, e);
  const Ftr = rows(F, 0, 6);
  const Fte = rows(F, 6, 10);
  const Gtr = rows(G, 0, 6);
  const Gte = rows(G, 6, 10);
  const plus = (a: Matrix, b: Matrix) =>
    new Matrix(
      a.rows,
      a.cols,
      a.data.map((v, i) => v + (b.data[i] as number)),
    );
  const kTT = both(Ftr, Ftr);
  const kXT = both(Fte, Ftr);
  const kXX = both(Fte, Fte);
  return {
    trainTrain: { nngp: kTT, ntk: plus(kTT, both(Gtr, Gtr)) },
    testTrain: { nngp: kXT, ntk: plus(kXT, both(Gte, Gtr)) },
    testTest: { nngp: kXX, ntk: plus(kXX, both(Gte, Gte)) },
    Y: randomMatrix(k, 6, 1, 3),
  };
}

describe('gradientDescentMseEnsemble', () => {
  it('predict({ time }) mean equals gradientDescentMse with f₀ = 0 (seed 21)', () => {
    const fx = fixture(21);
    const ens = gradientDescentMseEnsemble(fx, fx.Y, { diagReg: 1e-3 });
    const gd = gradientDescentMse(fx.trainTrain.ntk, fx.Y, { diagReg: 1e-3 });
    for (const time of [0.5, 7, Number.POSITIVE_INFINITY]) {
      const a = ens.predict({ time });
      const b = gd.predict({ time, kTestTrain: fx.testTrain.ntk });
      expect(relErr(a.meanTest!.data, b.test!.data)).toBeLessThan(1e-10);
    }
  });

  it('predict({ time: 0 }) returns the prior: mean 0 and covariance K (seed 22)', () => {
    const fx = fixture(22);
    const p = gradientDescentMseEnsemble(fx, fx.Y).predict({ time: 0 });
    expect(Math.max(...p.meanTest!.data.map(Math.abs))).toBe(0);
    expect(relErr(p.covarianceTest!.data, fx.testTest.nngp.data)).toBeLessThan(1e-14);
    expect(relErr(p.covarianceTrain.data, fx.trainTrain.nngp.data)).toBeLessThan(1e-14);
  });

  it("predict({ time: Infinity }) in 'nngp' mode equals the NNGP posterior (seed 23)", () => {
    const fx = fixture(23);
    const ens = gradientDescentMseEnsemble(fx, fx.Y, { mode: 'nngp', diagReg: 0.05 });
    const p = ens.predict({ time: Number.POSITIVE_INFINITY });
    const q = nngpPosterior(fx.trainTrain.nngp, fx.Y, fx.testTrain.nngp, fx.testTest.nngp, { diagReg: 0.05 });
    expect(relErr(p.meanTest!.data, q.mean.data)).toBeLessThan(1e-10);
    expect(relErr(p.covarianceTest!.data, q.covariance!.data)).toBeLessThan(1e-10);
  });

  it('predict({ time }) covariance equals a Monte-Carlo-free reference: Cov[f₀(x) + A(Y − f₀(X))] written out (seed 24)', () => {
    // Independent reference: f_t = f₀(x*) − A f₀(X) + A Y with A = Θ*Θ⁻¹(I − e^{−Θt/N}) obtained column by column
    // from gradientDescentMse (unit residuals), then Cov = [I, −A]·Kjoint·[I, −A]ᵀ.
    const fx = fixture(24);
    const n = 6;
    const t = 3;
    const A = new Matrix(4, n, new Float64Array(4 * n));
    for (let j = 0; j < n; j++) {
      const e = Matrix.zeros(n, 1);
      e.data[j] = 1;
      const colj = gradientDescentMse(fx.trainTrain.ntk, e).predict({
        time: t,
        kTestTrain: fx.testTrain.ntk,
      });
      for (let i = 0; i < 4; i++) A.set(i, j, colj.test!.get(i, 0));
    }
    const AK = mul(A, fx.trainTrain.nngp);
    const want = new Matrix(4, 4, new Float64Array(16));
    const AKA = mul(AK, A.transpose());
    const AKx = mul(A, fx.testTrain.nngp.transpose());
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++)
        want.set(i, j, fx.testTest.nngp.get(i, j) + AKA.get(i, j) - AKx.get(i, j) - AKx.get(j, i));
    const got = gradientDescentMseEnsemble(fx, fx.Y).predict({ time: t });
    expect(relErr(got.covarianceTest!.data, want.data)).toBeLessThan(1e-10);
  });

  it('gradientDescentMseEnsemble rejects bad input', () => {
    const fx = fixture(25);
    expect(() => gradientDescentMseEnsemble(null as never, fx.Y)).toThrow(ArgumentTypeError);
    expect(() => gradientDescentMseEnsemble({} as never, fx.Y)).toThrow(/kernels.trainTrain/);
    expect(() => gradientDescentMseEnsemble(fx, fx.Y, { mode: 'x' as never })).toThrow(ArgumentRangeError);
    expect(() => gradientDescentMseEnsemble(fx, Matrix.zeros(5, 1))).toThrow(ShapeError);
    expect(() =>
      gradientDescentMseEnsemble({ trainTrain: fx.trainTrain, testTest: fx.testTest }, fx.Y),
    ).toThrow(/testTrain/);
    expect(() =>
      gradientDescentMseEnsemble(
        { trainTrain: fx.trainTrain, testTrain: { nngp: Matrix.zeros(4, 5), ntk: Matrix.zeros(4, 6) } },
        fx.Y,
      ),
    ).toThrow(ShapeError);
    const y = fx.Y.clone();
    y.data[0] = Number.NaN;
    expect(() => gradientDescentMseEnsemble(fx, y)).toThrow(/yTrain/);
    expect(() => gradientDescentMseEnsemble(fx, fx.Y).predict({ time: -2 })).toThrow(/query.time/);
  });
});
