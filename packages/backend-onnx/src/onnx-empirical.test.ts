import { type Backend, cpuBackend, foldIn, key, Matrix, normal } from '@ntk/core';
import { trainMlp } from '@ntk/dynamics';
import { empiricalMoments, empiricalNtk, initMlp } from '@ntk/empirical';
import { maxRelativeError, tolerances } from '@ntk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OrtBackend, onnxBackend } from './index.ts';

// The empirical NTK, its Monte-Carlo moments and training run on the native backend and agree with the
// float64 CPU reference: float64 to 1e-10 relative (different summation orders in the GEMM, ~k·2⁻⁵³ per
// product through ≤ 5 layers), float32 to tolerances.float32.rtol = 2e-4 (key 31).
const k = key(31);
const net = initMlp(
  { activation: 'tanh', depth: 3, widths: [40, 24, 16], sigmaW2: 1.5, sigmaB2: 0.1, outputs: 2 },
  foldIn(k, 0),
  5,
);
const X1 = new Matrix(7, 5, normal(foldIn(k, 1), 35));
const X2 = new Matrix(4, 5, normal(foldIn(k, 2), 20));
const TOL = { float64: 1e-10, float32: tolerances.float32.rtol } as const;

describe.each(['float64', 'float32'] as const)('on onnxBackend({ dtype: %s })', (dtype) => {
  let be: OrtBackend;
  const ref: Backend = cpuBackend();
  beforeAll(async () => {
    be = await onnxBackend({ dtype, threads: 2 });
  });
  afterAll(() => be.dispose());

  it('empiricalNtk (structured, per layer, full outputs, X1 ≠ X2 and X1 = X2, diagonal) equals the CPU reference', async () => {
    for (const [a, b] of [
      [X1, X2],
      [X1, undefined],
    ] as const) {
      const opts = { perLayer: true, outputMode: 'full' } as const;
      const want = await empiricalNtk(net, a, b, { ...opts, backend: ref });
      const got = await empiricalNtk(net, a, b, { ...opts, backend: be });
      expect(maxRelativeError(got.ntk.data, want.ntk.data)).toBeLessThan(TOL[dtype]);
      expect(maxRelativeError(got.nngp.data, want.nngp.data)).toBeLessThan(TOL[dtype]);
      for (let l = 0; l < 4; l++) {
        expect(maxRelativeError(got.layers![l]!.data, want.layers![l]!.data)).toBeLessThan(TOL[dtype]);
      }
    }
    const dWant = await empiricalNtk(net, X1, undefined, { diagonal: true, backend: ref });
    const dGot = await empiricalNtk(net, X1, undefined, { diagonal: true, backend: be });
    expect(maxRelativeError(dGot.ntk.data, dWant.ntk.data)).toBeLessThan(TOL[dtype]);
  });

  it('empiricalNtk (jacobian) on the backend equals the structured CPU reference', async () => {
    const want = await empiricalNtk(net, X1, X2, { backend: ref });
    const got = await empiricalNtk(net, X1, X2, { method: 'jacobian', backend: be });
    expect(maxRelativeError(got.ntk.data, want.ntk.data)).toBeLessThan(TOL[dtype]);
  });

  it('empiricalMoments on the backend equals the CPU reference (8 initialisations, key 32)', async () => {
    const config = {
      spec: { activation: 'relu', depth: 2, widths: 32, sigmaW2: 2, sigmaB2: 0.1 },
      X1,
      key: key(32),
      samples: 8,
    };
    const want = await empiricalMoments(config);
    const before = be.stats().runs;
    const got = await empiricalMoments(config, { backend: be });
    expect(be.stats().runs - before).toBeGreaterThanOrEqual(8 * 9); // 9 products per sample ran here
    expect(maxRelativeError(got.ntk.mean.data, want.ntk.mean.data)).toBeLessThan(TOL[dtype]);
    // The variance is a difference of nearby quantities: allow 10× the tolerance.
    expect(maxRelativeError(got.ntk.variance.data, want.ntk.variance.data)).toBeLessThan(10 * TOL[dtype]);
  });

  it('trainMlp (10 GD steps, NTK tracked on a probe set) follows the CPU reference', async () => {
    const small = initMlp({ activation: 'relu', depth: 2, widths: 32, sigmaW2: 2, sigmaB2: 0.1 }, key(33), 5);
    const Y = new Matrix(7, 1, normal(key(34), 7));
    const data = { xTrain: X1, yTrain: Y, xProbe: X2 };
    const opts = { learningRate: 0.2, steps: 10, recordEvery: 5 };
    const want = await trainMlp(small, data, { ...opts, backend: ref });
    const before = be.stats().runs;
    const got = await trainMlp(small, data, { ...opts, backend: be });
    expect(be.stats().runs - before).toBeGreaterThan(10 * 5);
    const loss = (r: typeof want) => r.records.map((x) => x.trainLoss);
    expect(loss(want)[2]!).toBeLessThan(loss(want)[0]!);
    expect(maxRelativeError(loss(got), loss(want))).toBeLessThan(10 * TOL[dtype]);
    expect(
      maxRelativeError(
        got.records.map((x) => x.ntkChange ?? 0),
        want.records.map((x) => x.ntkChange ?? 0),
      ),
    ).toBeLessThan(dtype === 'float64' ? 1e-8 : 1e-2);
  });

  it('the structured NTK is batched: a fixed number of runtime calls per NTK, whatever N', async () => {
    const calls = async (n: number): Promise<number> => {
      const before = be.stats().runs;
      await empiricalNtk(net, new Matrix(n, 5, normal(key(35), n * 5)), undefined, { backend: be });
      return be.stats().runs - before;
    };
    const c8 = await calls(8);
    expect(await calls(64)).toBe(c8);
    // L + 1 forward products, L backward products, 2 Gram matrices per layer + 1 for the NNGP.
    expect(c8).toBe(4 + 3 + 2 * 4 + 1);
    expect(be.stats().sessions).toBeLessThanOrEqual(8);
  });
});
