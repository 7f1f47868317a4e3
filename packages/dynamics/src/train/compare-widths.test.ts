import { ArgumentRangeError, key, Matrix } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { randomMatrix } from '../../test/helpers.ts';
import { mseSpectrum } from '../kernel/mse-spectrum.ts';
import { compareWidths } from './compare-widths.ts';

/**
 * Independent reference: the infinite-width NTK of a depth-1 ReLU network (σ_b² = 0), from the arc-cosine
 * closed form (Cho & Saul 2009): Σ¹ = σ_w²x·x'/d; Σ² = σ_w²·√(qq')(sin θ + (π − θ)cos θ)/(2π);
 * Σ̇² = σ_w²(π − θ)/(2π); Θ = Σ² + Σ¹·Σ̇² (DESIGN §3).
 */
function reluNtk(a: Matrix, b: Matrix, sw2: number): Matrix {
  const d = a.cols;
  const dot = (x: Float64Array, y: Float64Array) => x.reduce((s, v, i) => s + v * (y[i] as number), 0);
  const out = new Matrix(a.rows, b.rows, new Float64Array(a.rows * b.rows));
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.rows; j++) {
      const q1 = (sw2 * dot(a.row(i), a.row(i))) / d;
      const q2 = (sw2 * dot(b.row(j), b.row(j))) / d;
      const s1 = (sw2 * dot(a.row(i), b.row(j))) / d;
      const th = Math.acos(Math.max(-1, Math.min(1, s1 / Math.sqrt(q1 * q2))));
      const s2 = (sw2 * Math.sqrt(q1 * q2) * (Math.sin(th) + (Math.PI - th) * Math.cos(th))) / (2 * Math.PI);
      const sd = (sw2 * (Math.PI - th)) / (2 * Math.PI);
      out.set(i, j, s2 + s1 * sd);
    }
  }
  return out;
}

describe('compareWidths', () => {
  it('compareWidths: as width grows 128 → 512 → 2048 the trained network approaches the infinite-width prediction and the NTK change shrinks like 1/√width (keys 0..3)', async () => {
    const d = 4;
    const X = randomMatrix(key(300), 6, d, 1);
    const Y = randomMatrix(key(300), 6, 1, 2);
    const Xt = randomMatrix(key(300), 3, d, 3);
    const Yt = randomMatrix(key(300), 3, 1, 4);
    const sw2 = 2;
    const K = reluNtk(X, X, sw2);
    const res = await compareWidths(
      { activation: 'relu', depth: 1, sigmaW2: sw2 },
      { xTrain: X, yTrain: Y, xTest: Xt, yTest: Yt, xProbe: X },
      {
        widths: [128, 512, 2048],
        keys: [key(0), key(1), key(2), key(3)],
        ntk: { trainTrain: K, testTrain: reluNtk(Xt, X, sw2) },
        learningRate: 0.4 * mseSpectrum(K).maxLearningRate, // well inside the stable range
        steps: 30,
        recordAt: [30],
      },
    );
    const stat = (w: number, f: (r: { testDistance: number | null; ntkChange: number | null }) => number) => {
      const v = res[w]!.runs.map((run) => f(run.at(-1)!));
      const m = v.reduce((s, x) => s + x, 0) / v.length;
      const sd = Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
      return { m, sd };
    };
    const dist = [0, 1, 2].map((w) => stat(w, (r) => r.testDistance!));
    const dntk = [0, 1, 2].map((w) => stat(w, (r) => r.ntkChange!));
    console.log('compareWidths test distance (mean ± sd over 4 keys):', dist, 'NTK change:', dntk);
    // Theory: both are O(1/√width), so each 4× in width divides them by about 2, and 128 → 2048 by about 4.
    // Measured with these keys (printed): test distance 0.188 ± 0.041, 0.050 ± 0.029, 0.035 ± 0.008 (ratio
    // 128/2048 = 5.3); NTK change 0.041 ± 0.028, 0.026 ± 0.015, 0.0088 ± 0.0023 (ratio 4.7). The spread over 4
    // keys is 20–70 % of the mean, so we require the means to shrink at each step and the 16× ratio to lie in
    // [2, 8] (a factor 2 either side of the predicted 4).
    for (const s of [dist, dntk]) {
      expect(s[1]!.m).toBeLessThan(s[0]!.m);
      expect(s[2]!.m).toBeLessThan(s[1]!.m);
      const ratio = s[0]!.m / s[2]!.m;
      expect(ratio).toBeGreaterThan(2);
      expect(ratio).toBeLessThan(8);
    }
  });

  it('compareWidths computes the infinite-width NTK from the spec when none is given (= passing the arc-cosine NTK)', async () => {
    const X = randomMatrix(key(5), 4, 3);
    const Y = randomMatrix(key(6), 4, 1);
    const spec = { activation: 'relu', depth: 1, sigmaW2: 2 };
    const common = { widths: [16], keys: [key(3)], learningRate: 0.5, steps: 3 };
    const auto = await compareWidths(spec, { xTrain: X, yTrain: Y }, common);
    const given = await compareWidths(
      spec,
      { xTrain: X, yTrain: Y },
      { ...common, ntk: { trainTrain: reluNtk(X, X, 2) } },
    );
    const a = auto[0]!.runs[0]!.at(-1)!;
    const g = given[0]!.runs[0]!.at(-1)!;
    expect(a.trainDistance).toBeCloseTo(g.trainDistance, 10);
    await expect(
      compareWidths({ ...spec, parameterization: 'standard' }, { xTrain: X, yTrain: Y }, common),
    ).rejects.toThrow(/options.ntk/);
  });

  it('compareWidths rejects bad input', async () => {
    const X = Matrix.identity(3);
    const base = { keys: [key(0)], ntk: { trainTrain: Matrix.identity(3) }, learningRate: 0.1, steps: 1 };
    const data = { xTrain: X, yTrain: Matrix.zeros(3, 1) };
    const spec = { activation: 'relu', depth: 1 };
    await expect(compareWidths(spec, data, { ...base, widths: [] })).rejects.toThrow(ArgumentRangeError);
    await expect(compareWidths(spec, data, { ...base, widths: [0] })).rejects.toThrow(/widths\[0\]/);
    await expect(compareWidths(spec, data, { ...base, widths: [4], keys: [] })).rejects.toThrow(
      /options.keys/,
    );
    await expect(
      compareWidths(spec, data, { ...base, widths: [4], ntk: { trainTrain: Matrix.identity(2) } }),
    ).rejects.toThrow(/yTrain/);
  });
});
