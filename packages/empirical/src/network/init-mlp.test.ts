import { ArgumentRangeError, ArgumentTypeError, foldIn, key, normal } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { tanhOps } from '../../test/helpers.ts';
import { initMlp } from './init-mlp.ts';

function meanVar(x: ArrayLike<number>): [number, number] {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i] as number;
  m /= x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += ((x[i] as number) - m) ** 2;
  return [m, v / (x.length - 1)];
}

describe('initMlp', () => {
  it('initMlp(spec, key, d) gives layers of shape n_l × n_{l−1}, the readout O × n_L', () => {
    const net = initMlp(
      { activation: 'relu', depth: 2, widths: [5, 7], outputs: 3, sigmaB2: 0.1 },
      key(1),
      4,
    );
    expect(net.layers.map((l) => l.W.shape)).toEqual([
      [5, 4],
      [7, 5],
      [3, 7],
    ]);
    expect(net.layers.map((l) => l.b.length)).toEqual([5, 7, 3]);
    expect(net.activation.name).toBe('relu');
  });

  it('initMlp draws layer l from normal(foldIn(key, l)): W row-major then b, reproducible per layer', () => {
    const k = key(7);
    const a = initMlp({ activation: 'tanh', depth: 2, widths: 4, sigmaB2: 0.5 }, k, 3);
    // Another network sharing layer 2's shape [4, 4] at index 2 has the same layer-2 weights.
    const b = initMlp({ activation: 'tanh', depth: 3, widths: [4, 4, 9], sigmaB2: 0.5 }, k, 3);
    expect(Array.from(b.layers[1]!.W.data)).toEqual(Array.from(a.layers[1]!.W.data));
    const z = normal(foldIn(k, 2), 16 + 4);
    expect(Array.from(a.layers[1]!.W.data)).toEqual(Array.from(z.subarray(0, 16)));
    expect(Array.from(a.layers[1]!.b)).toEqual(Array.from(z.subarray(16)));
    // Same key, same network; another key, another network.
    const again = initMlp({ activation: 'tanh', depth: 2, widths: 4, sigmaB2: 0.5 }, key(7), 3);
    expect(Array.from(again.layers[0]!.W.data)).toEqual(Array.from(a.layers[0]!.W.data));
    const other = initMlp({ activation: 'tanh', depth: 2, widths: 4, sigmaB2: 0.5 }, key(8), 3);
    expect(other.layers[0]!.W.data[0]).not.toBe(a.layers[0]!.W.data[0]);
  });

  it('initMlp: NTK parameterisation W, b ~ N(0, 1); standard W ~ N(0, σ_w²/fan_in), b ~ N(0, σ_b²)', () => {
    // 4096 draws: |mean| ≤ 4·σ/√n and |var/σ² − 1| ≤ 4·√(2/n) ≈ 0.088 (4 standard errors; fixed key 11).
    const n = 64;
    const ntk = initMlp({ activation: 'relu', depth: 1, widths: n, sigmaW2: 2, sigmaB2: 0.3 }, key(11), n);
    const std = initMlp(
      { activation: 'relu', depth: 1, widths: n, sigmaW2: 2, sigmaB2: 0.3, parameterization: 'standard' },
      key(11),
      n,
    );
    for (const [net, varW] of [
      [ntk, 1],
      [std, 2 / n],
    ] as const) {
      const [m, v] = meanVar(net.layers[0]!.W.data);
      expect(Math.abs(m)).toBeLessThan((4 * Math.sqrt(varW)) / Math.sqrt(n * n));
      expect(Math.abs(v / varW - 1)).toBeLessThan(4 * Math.sqrt(2 / (n * n)));
    }
    // Standard b = σ_b·z with the same z as the NTK b (same key): exact.
    const sb = Math.sqrt(0.3);
    expect(Array.from(std.layers[0]!.b)).toEqual(Array.from(ntk.layers[0]!.b, (x) => sb * x));
  });

  it('initMlp: a layer with σ_b² = 0 has b = 0', () => {
    const net = initMlp({ activation: 'relu', depth: 1, widths: 3, sigmaB2: [0, 0.2] }, key(0), 2);
    expect(Array.from(net.layers[0]!.b)).toEqual([0, 0, 0]);
    expect(net.layers[1]!.b[0]).not.toBe(0);
  });

  it('initMlp accepts an explicit activation override', () => {
    const net = initMlp({ activation: 'my-tanh', depth: 1, widths: 2 }, key(0), 2, { activation: tanhOps });
    expect(net.activation).toBe(tanhOps);
  });

  it('initMlp rejects infinite widths (omitted), width 0, fractional widths, bad specs', () => {
    expect(() => initMlp({ activation: 'relu', depth: 2 }, key(0), 3)).toThrow(
      /spec\.widths.*finite positive integers/,
    );
    expect(() => initMlp({ activation: 'relu', depth: 2, widths: 0 }, key(0), 3)).toThrow(ArgumentRangeError);
    expect(() => initMlp({ activation: 'relu', depth: 2, widths: [4, 2.5] }, key(0), 3)).toThrow(
      /spec\.widths\[1\]/,
    );
    expect(() => initMlp({ activation: 'relu', depth: 2, widths: [4] }, key(0), 3)).toThrow(/spec\.widths/);
    expect(() => initMlp({ activation: 'relu', depth: -1, widths: 1 }, key(0), 3)).toThrow(/spec\.depth/);
    expect(() => initMlp(null, key(0), 3)).toThrow(ArgumentTypeError);
    expect(() => initMlp({ activation: 'nope', depth: 1, widths: 2 }, key(0), 3)).toThrow(/activation/);
  });

  it('initMlp rejects a bad key, input dimension or activation override', () => {
    const spec = { activation: 'relu', depth: 1, widths: 2 };
    expect(() => initMlp(spec, [1, 2] as never, 3)).toThrow(/initMlp.*`key`/);
    expect(() => initMlp(spec, key(0), 0)).toThrow(/initMlp.*`inputDim`/);
    expect(() => initMlp(spec, key(0), 2.5)).toThrow(ArgumentRangeError);
    expect(() => initMlp(spec, key(0), 2, { activation: { name: 'x' } as never })).toThrow(ArgumentTypeError);
  });
});
