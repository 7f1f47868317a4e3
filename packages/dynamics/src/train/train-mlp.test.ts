import { ArgumentRangeError, ArgumentTypeError, key, Matrix, NumericalError, ShapeError } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import { describe, expect, it } from 'vitest';
import { randomMatrix, relErr } from '../../test/helpers.ts';
import { gradientDescentMse } from '../kernel/gradient-descent-mse.ts';
import { trainMlp } from './train-mlp.ts';
import { trainMlpStream } from './train-mlp-stream.ts';

const d = 4;
const X = randomMatrix(key(100), 10, d, 1);
const Y = randomMatrix(key(100), 10, 1, 2);
const Xt = randomMatrix(key(100), 3, d, 3);
const Yt = randomMatrix(key(100), 3, 1, 4);
/** Depth 0: f(x) = (σ_w/√d)·w·x + σ_b·b is linear in θ, so the kernel predictions are exact for it. */
const linear = initMlp({ activation: 'relu', depth: 0, sigmaW2: 1.5, sigmaB2: 0.2 }, key(7), d);

describe('trainMlp', () => {
  it('trainMlp on the linear model (depth 0) equals gradientDescentMse with its NTK, step by step (key 7)', async () => {
    const K = (await empiricalNtk(linear, X)).ntk;
    const Kx = (await empiricalNtk(linear, Xt, X)).ntk;
    const gd = gradientDescentMse(K, Y);
    const eta = 0.5 * gd.spectrum.maxLearningRate;
    const res = await trainMlp(
      linear,
      { xTrain: X, yTrain: Y, xTest: Xt, yTest: Yt },
      { learningRate: eta, steps: 30, recordEvery: 10, keepPredictions: true },
    );
    const r0 = res.records[0]!;
    for (const r of res.records) {
      const p = gd.predict({
        steps: r.step,
        learningRate: eta,
        fTrain0: r0.trainPredictions!,
        kTestTrain: Kx,
        fTest0: r0.testPredictions!,
      });
      // Exact up to rounding: the model is linear, both sides are float64 (≈ steps·N·ε relative).
      expect(relErr(r.trainPredictions!.data, p.train.data)).toBeLessThan(1e-11);
      expect(relErr(r.testPredictions!.data, p.test!.data)).toBeLessThan(1e-11);
      expect(r.time).toBeCloseTo(eta * r.step, 12);
    }
    expect(res.records.map((r) => r.step)).toEqual([0, 10, 20, 30]);
  });

  it('trainMlp decreases the loss monotonically below 2N/λ_max and diverges above it (linear model, key 7)', async () => {
    const K = (await empiricalNtk(linear, X)).ntk;
    const etaMax = gradientDescentMse(K, Y).spectrum.maxLearningRate;
    const ok = await trainMlp(
      linear,
      { xTrain: X, yTrain: Y },
      { learningRate: 0.95 * etaMax, steps: 40, recordEvery: 1 },
    );
    for (let i = 1; i < ok.records.length; i++)
      expect(ok.records[i]!.trainLoss).toBeLessThan(ok.records[i - 1]!.trainLoss);
    const bad = await trainMlp(linear, { xTrain: X, yTrain: Y }, { learningRate: 1.1 * etaMax, steps: 150 });
    // top mode grows by |1 − 2·1.1| = 1.2 per step: 1.2^150 ≈ 7e11 in amplitude
    expect(bad.records.at(-1)!.trainLoss).toBeGreaterThan(1e12 * bad.records[0]!.trainLoss);
  });

  it('trainMlp reports a NumericalError when training overflows', async () => {
    const K = (await empiricalNtk(linear, X)).ntk;
    const etaMax = gradientDescentMse(K, Y).spectrum.maxLearningRate;
    await expect(
      trainMlp(linear, { xTrain: X, yTrain: Y }, { learningRate: 50 * etaMax, steps: 400, recordEvery: 1 }),
    ).rejects.toThrow(NumericalError);
  });

  it('trainMlp tracks the NTK, weights and activations; stops at time t = Σ η_k (key 8)', async () => {
    const net = initMlp({ activation: 'tanh', depth: 2, widths: 32, sigmaW2: 1.5, sigmaB2: 0.1 }, key(8), d);
    const res = await trainMlp(
      net,
      { xTrain: X, yTrain: Y, xProbe: Xt },
      { learningRate: { type: 'step', initial: 0.5, boundaries: [4], factor: 0.5 }, time: 3, keepNtk: true },
    );
    // η = 0.5 for steps 0..3 (time 2), then 0.25: 4 more steps reach 3.
    expect(res.steps).toBe(8);
    expect(res.time).toBeCloseTo(3, 12);
    const first = res.records[0]!;
    const last = res.records.at(-1)!;
    expect(first.ntkChange).toBe(0);
    expect(first.totalWeightChange).toBe(0);
    expect(last.ntkChange!).toBeGreaterThan(0);
    expect(last.weightChange).toHaveLength(3);
    expect(last.activationChange!.map((a) => a.layer)).toEqual([1, 2]);
    expect(last.activationChange![1]!.maxAbs).toBeGreaterThan(0);
    expect(last.ntk!.shape).toEqual([3, 3]);
    expect(last.trainLoss).toBeLessThan(first.trainLoss);
    expect(last.learningRate).toBe(0.25);
    // the input network is not modified
    expect(net.layers[0]!.W.data[0]).toBe(
      initMlp({ activation: 'tanh', depth: 2, widths: 32, sigmaW2: 1.5, sigmaB2: 0.1 }, key(8), d).layers[0]!
        .W.data[0],
    );
  });

  it('trainMlp with minibatches is reproducible from its key, and momentum and Adam reduce the loss (key 9)', async () => {
    const net = initMlp({ activation: 'relu', depth: 1, widths: 16, sigmaW2: 2 }, key(9), d);
    const run = (seed: number) =>
      trainMlp(net, { xTrain: X, yTrain: Y }, { learningRate: 0.2, steps: 12, batchSize: 4, key: key(seed) });
    const a = await run(1);
    const b = await run(1);
    const c = await run(2);
    expect(a.records.at(-1)!.trainLoss).toBe(b.records.at(-1)!.trainLoss);
    expect(a.records.at(-1)!.trainLoss).not.toBe(c.records.at(-1)!.trainLoss);
    for (const optimizer of [{ type: 'momentum', momentum: 0.8 } as const, { type: 'adam' } as const]) {
      const r = await trainMlp(
        net,
        { xTrain: X, yTrain: Y },
        { learningRate: optimizer.type === 'adam' ? 0.02 : 0.1, steps: 30, optimizer },
      );
      expect(r.records.at(-1)!.trainLoss).toBeLessThan(0.5 * r.records[0]!.trainLoss);
    }
  });

  it('trainMlpStream streams records and stops on AbortSignal', async () => {
    const ctrl = new AbortController();
    const seen: number[] = [];
    const run = async () => {
      for await (const r of trainMlpStream(
        linear,
        { xTrain: X, yTrain: Y },
        { learningRate: 0.1, steps: 100, recordEvery: 5, signal: ctrl.signal },
      )) {
        seen.push(r.step);
        if (r.step === 10) ctrl.abort();
      }
    };
    await expect(run()).rejects.toThrow(/abort/i);
    expect(seen).toEqual([0, 5, 10]);
    const cb: number[] = [];
    await trainMlp(
      linear,
      { xTrain: X, yTrain: Y },
      { learningRate: 0.1, steps: 4, recordAt: [2], onRecord: (r) => void cb.push(r.step) },
    );
    expect(cb).toEqual([0, 2, 4]);
  });

  it('trainMlp rejects bad input', async () => {
    const t = (data: object, options: object) =>
      trainMlp(linear, data as never, { learningRate: 0.1, steps: 2, ...options });
    await expect(t({ xTrain: X, yTrain: Matrix.zeros(9, 1) }, {})).rejects.toThrow(ShapeError);
    await expect(t({ xTrain: Matrix.zeros(10, 3), yTrain: Y }, {})).rejects.toThrow(ShapeError);
    await expect(t({ xTrain: Matrix.zeros(0, d), yTrain: Matrix.zeros(0, 1) }, {})).rejects.toThrow(
      /non-empty/,
    );
    const yn = Y.clone();
    yn.data[2] = Number.NaN;
    await expect(t({ xTrain: X, yTrain: yn }, {})).rejects.toThrow(/data.yTrain.data\[2\]/);
    await expect(t({ xTrain: X, yTrain: Y, xTest: Xt }, {})).rejects.toThrow(/yTest/);
    await expect(t({ xTrain: X, yTrain: Y, xProbe: Matrix.zeros(2, 5) }, {})).rejects.toThrow(ShapeError);
    await expect(t({ xTrain: X, yTrain: Y }, { learningRate: 0 })).rejects.toThrow(ArgumentRangeError);
    await expect(t({ xTrain: X, yTrain: Y }, { learningRate: -1 })).rejects.toThrow(/learningRate/);
    await expect(t({ xTrain: X, yTrain: Y }, { learningRate: 'x' })).rejects.toThrow(ArgumentTypeError);
    await expect(
      t(
        { xTrain: X, yTrain: Y },
        { learningRate: { type: 'step', initial: 1, boundaries: [3, 2], factor: 0.5 } },
      ),
    ).rejects.toThrow(/boundaries/);
    await expect(t({ xTrain: X, yTrain: Y }, { time: 1 })).rejects.toThrow(/exactly one/);
    await expect(t({ xTrain: X, yTrain: Y }, { batchSize: 11 })).rejects.toThrow(/batchSize/);
    await expect(t({ xTrain: X, yTrain: Y }, { batchSize: 5 })).rejects.toThrow(/options.key/);
    await expect(t({ xTrain: X, yTrain: Y }, { optimizer: { type: 'rmsprop' } })).rejects.toThrow(
      /optimizer.type/,
    );
    await expect(
      t({ xTrain: X, yTrain: Y }, { optimizer: { type: 'momentum', momentum: 1 } }),
    ).rejects.toThrow(/momentum/);
    await expect(t({ xTrain: X, yTrain: Y }, { recordAt: [-1] })).rejects.toThrow(/recordAt\[0\]/);
    await expect(
      trainMlp({} as never, { xTrain: X, yTrain: Y }, { learningRate: 0.1, steps: 1 }),
    ).rejects.toThrow(ArgumentTypeError);
  });
});
