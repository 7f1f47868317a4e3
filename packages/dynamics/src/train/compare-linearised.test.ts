import { ArgumentTypeError, key } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import { describe, expect, it } from 'vitest';
import { randomMatrix, relErr } from '../../test/helpers.ts';
import { gradientDescentMse } from '../kernel/gradient-descent-mse.ts';
import { compareLinearised } from './compare-linearised.ts';
import { trainMlp } from './train-mlp.ts';

const d = 3;
const X = randomMatrix(key(200), 8, d, 1);
const Y = randomMatrix(key(200), 8, 1, 2);
const Xt = randomMatrix(key(200), 4, d, 3);
const Yt = randomMatrix(key(200), 4, 1, 4);
const spec = { activation: 'erf', depth: 2, widths: 24, sigmaW2: 1.6, sigmaB2: 0.1 };

describe('trainMlp({ linearised: true })', () => {
  it('the linearised network trained by GD equals the kernel prediction with the empirical NTK at init (key 11)', async () => {
    const net = initMlp(spec, key(11), d);
    const K = (await empiricalNtk(net, X)).ntk;
    const Kx = (await empiricalNtk(net, Xt, X)).ntk;
    const gd = gradientDescentMse(K, Y);
    const eta = 0.01 * gd.spectrum.maxLearningRate; // a = ηλ_max/N = 0.02
    const steps = 400;
    const res = await trainMlp(
      net,
      { xTrain: X, yTrain: Y, xTest: Xt, yTest: Yt },
      { learningRate: eta, steps, linearised: true, keepPredictions: true },
    );
    const f0 = res.records[0]!;
    const last = res.records.at(-1)!;
    // 1) Discrete steps: identical recursion, so agreement to rounding.
    const disc = gd.predict({
      steps,
      learningRate: eta,
      fTrain0: f0.trainPredictions!,
      kTestTrain: Kx,
      fTest0: f0.testPredictions!,
    });
    expect(relErr(last.trainPredictions!.data, disc.train.data)).toBeLessThan(1e-10);
    expect(relErr(last.testPredictions!.data, disc.test!.data)).toBeLessThan(1e-10);
    // 2) Gradient flow at t = η·k: per eigenmode the residual factor is (1 − a)^k vs e^{−ak} (a = ηλ/N); with
    //    x = ak, (1 − a)^k = e^{−x − x·a/2 − O(x·a²)}, so the gap is ≤ e^{−x}·x·a/2 ≤ a/(2e). Hence
    //    ‖f_GD(X) − f_flow(X)‖₂ ≤ a_max/(2e)·‖Y − f₀(X)‖₂ (+ rounding).
    const flow = gd.predict({ time: eta * steps, fTrain0: f0.trainPredictions! });
    const aMax = (eta * gd.spectrum.lambdaMax) / X.rows;
    let gap = 0;
    let r0 = 0;
    for (let i = 0; i < 8; i++) {
      gap += ((last.trainPredictions!.data[i] as number) - (flow.train.data[i] as number)) ** 2;
      r0 += ((Y.data[i] as number) - (f0.trainPredictions!.data[i] as number)) ** 2;
    }
    expect(Math.sqrt(gap)).toBeLessThanOrEqual((aMax / (2 * Math.E)) * Math.sqrt(r0) + 1e-10);
    expect(Math.sqrt(gap)).toBeGreaterThan(0);
    expect(last.ntkChange).toBeNull();
  });
});

describe('compareLinearised', () => {
  it('compareLinearised(net, data) starts at distance 0 and tracks ‖f_lin − f‖ on train and test points (key 12)', async () => {
    const net = initMlp(spec, key(12), d);
    const seen: number[] = [];
    const recs = await compareLinearised(
      net,
      { xTrain: X, yTrain: Y, xTest: Xt, yTest: Yt },
      { learningRate: 1, steps: 60, recordEvery: 20, onRecord: (r) => void seen.push(r.step) },
    );
    expect(seen).toEqual([0, 20, 40, 60]);
    expect(recs[0]!.trainDistance).toBe(0);
    expect(recs[0]!.testDistance).toBe(0);
    const last = recs.at(-1)!;
    expect(last.trainDistance).toBeGreaterThan(0);
    // the network is near its linearisation at this width: distance well below the label scale (~1)
    expect(last.trainDistance).toBeLessThan(0.2);
    expect(last.network.trainLoss).toBeLessThan(recs[0]!.network.trainLoss);
  });

  it('compareLinearised rejects bad input', async () => {
    const net = initMlp(spec, key(12), d);
    await expect(compareLinearised(net, { xTrain: X, yTrain: Y }, null as never)).rejects.toThrow(
      ArgumentTypeError,
    );
    await expect(
      compareLinearised(net, { xTrain: X, yTrain: Y }, { learningRate: -1, steps: 2 }),
    ).rejects.toThrow(/learningRate/);
  });
});
