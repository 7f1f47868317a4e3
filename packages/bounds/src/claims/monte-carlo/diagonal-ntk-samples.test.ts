import { cpuBackend, foldIn, key, Matrix, sphere } from '@ntk/core';
import { empiricalNtk, initMlp, mlpGradients } from '@ntk/empirical';
import { describe, expect, it } from 'vitest';
import { diagonalNtkSamples } from './diagonal-ntk-samples.ts';
import { cpuContext } from './run-grid.ts';

describe('diagonalNtkSamples', () => {
  const input = sphere(key(3), 1, 5);
  const spec = { activation: 'relu', depth: 3, widths: 6, sigmaW2: 2, sigmaB2: 1 };
  it('diagonalNtkSamples gives network k = initMlp(spec, foldIn(key, k)) and is reproducible', async () => {
    const a = await diagonalNtkSamples({
      spec,
      input,
      key: key(8),
      networks: 4,
      context: cpuContext(key(0)),
    });
    const b = await diagonalNtkSamples({
      spec,
      input,
      key: key(8),
      networks: 4,
      context: cpuContext(key(0)),
    });
    expect(a).toEqual(b);
    const net2 = initMlp(spec, foldIn(key(8), 2), 5);
    expect(a[2]).toBe((await empiricalNtk(net2, input, undefined, { diagonal: true })).ntk.get(0, 0));
  });
  it('zeroInitBiases: Θ̂ = Θ̂ of the bias-free network with the same weights + Σ_l ‖∂f/∂b_l‖² at b = 0', async () => {
    const zero = await diagonalNtkSamples({
      spec,
      input,
      key: key(8),
      networks: 3,
      zeroInitBiases: true,
      context: cpuContext(key(0)),
    });
    for (let k = 0; k < 3; k++) {
      // The weights of initMlp do not depend on σ_b² (layer l draws W first from foldIn(key, l)).
      const free = initMlp({ ...spec, sigmaB2: 0 }, foldIn(key(8), k), 5);
      const weightsOnly = (await empiricalNtk(free, input, undefined, { diagonal: true })).ntk.get(0, 0);
      const withBias = initMlp(spec, foldIn(key(8), k), 5);
      for (const layer of withBias.layers) layer.b.fill(0);
      const g = await mlpGradients(withBias, input, new Matrix(1, 1, Float64Array.of(1)), {
        backend: cpuBackend(),
      });
      let biasPart = 0;
      for (const layer of g.layers) for (const v of layer.b ?? []) biasPart += v * v;
      expect(free.layers[0]?.W.data).toEqual(withBias.layers[0]?.W.data);
      expect(zero[k]).toBeCloseTo(weightsOnly + biasPart, 10);
      expect(biasPart).toBeGreaterThan(0);
    }
  });
  it('diagonalNtkSamples honours the abort signal and rejects bad arguments', async () => {
    const ctl = new AbortController();
    ctl.abort(new Error('stop'));
    await expect(
      diagonalNtkSamples({
        spec,
        input,
        key: key(1),
        networks: 3,
        context: { ...cpuContext(key(0)), signal: ctl.signal },
      }),
    ).rejects.toThrow('stop');
    await expect(
      diagonalNtkSamples({ spec, input, key: key(1), networks: 1, context: cpuContext(key(0)) }),
    ).rejects.toThrow(/networks/);
    await expect(
      diagonalNtkSamples({
        spec,
        input: sphere(key(1), 2, 5),
        key: key(1),
        networks: 3,
        context: cpuContext(key(0)),
      }),
    ).rejects.toThrow(/one row/);
  });
});
