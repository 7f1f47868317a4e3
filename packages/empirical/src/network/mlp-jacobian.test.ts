import { ArgumentRangeError, foldIn, key, Matrix } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { gaussianInputs, relErr } from '../../test/helpers.ts';
import { empiricalNtk } from '../ntk/empirical-ntk.ts';
import { initMlp } from './init-mlp.ts';
import { mlpForward } from './mlp-forward.ts';
import { mlpJacobian } from './mlp-jacobian.ts';
import { mlpParameterCount } from './mlp-parameter-count.ts';

describe('mlpJacobian', () => {
  it('mlpJacobian(net, X) equals central finite differences of f, parameter by parameter in the documented order', async () => {
    const k = key(5);
    const net = initMlp(
      { activation: 'tanh', depth: 2, widths: [4, 3], sigmaW2: 2, sigmaB2: [0.1, 0, 0.4], outputs: 2 },
      foldIn(k, 0),
      3,
    );
    const X = gaussianInputs(foldIn(k, 1), 3, 3);
    const J = await mlpJacobian(net, X);
    const P = mlpParameterCount(net);
    expect(P).toBe(4 * 3 + 4 + 3 * 4 + 2 * 3 + 2);
    expect(J.shape).toEqual([6, P]);
    // Parameters in the documented order: W¹, b¹, W², (no b²), W³, b³.
    const order: [Float64Array, number][] = [];
    net.layers.forEach((layer, l) => {
      for (let i = 0; i < layer.W.data.length; i++) order.push([layer.W.data, i]);
      if ((net.spec.sigmaB2[l] as number) > 0)
        for (let i = 0; i < layer.b.length; i++) order.push([layer.b, i]);
    });
    expect(order.length).toBe(P);
    const h = 1e-5; // as in mlpGradients.test: truncation + rounding ≈ 1e-10, tolerance 1e-7
    for (let p = 0; p < P; p++) {
      const [arr, i] = order[p]!;
      const v = arr[i]!;
      arr[i] = v + h;
      const up = (await mlpForward(net, X)).data;
      arr[i] = v - h;
      const down = (await mlpForward(net, X)).data;
      arr[i] = v;
      for (let r = 0; r < 6; r++) {
        const fd = ((up[r] as number) - (down[r] as number)) / (2 * h);
        expect(Math.abs(fd - J.get(r, p))).toBeLessThan(1e-7 * Math.max(1, Math.abs(fd)));
      }
    }
    // And the empirical NTK (full outputs) is J Jᵀ.
    const full = await empiricalNtk(net, X, undefined, { outputMode: 'full' });
    const JJt: number[] = [];
    for (let r = 0; r < 6; r++)
      for (let s = 0; s < 6; s++) {
        let acc = 0;
        for (let p = 0; p < P; p++) acc += J.get(r, p) * J.get(s, p);
        JJt.push(acc);
      }
    expect(relErr(full.ntk.data, JJt)).toBeLessThan(1e-12);
  });

  it('mlpJacobian refuses a Jacobian above maxJacobianBytes, naming the bytes needed', async () => {
    const net = initMlp({ activation: 'relu', depth: 1, widths: 10 }, key(0), 10);
    const P = mlpParameterCount(net); // 10·10 + 10 = 110
    await expect(mlpJacobian(net, Matrix.zeros(4, 10), { maxJacobianBytes: 100 })).rejects.toThrow(
      ArgumentRangeError,
    );
    await expect(mlpJacobian(net, Matrix.zeros(4, 10), { maxJacobianBytes: 100 })).rejects.toThrow(
      new RegExp(`≥ ${4 * P * 8} bytes`),
    );
  });
});
