import { cpuBackend, key, Matrix, normal } from '@ntk/core';
import { initMlp, mlpForward, mlpJacobian } from '@ntk/empirical';
import { describe, expect, it } from 'vitest';
import { randomMatrix, relErr } from '../../test/helpers.ts';
import { forwardTangent } from './forward-tangent.ts';

describe('forwardTangent', () => {
  it('forwardTangent(net, X, Δθ) gives f(X) and J(X)·Δθ with J from mlpJacobian (key 5)', async () => {
    for (const parameterization of ['ntk', 'standard'] as const) {
      const net = initMlp(
        {
          activation: 'tanh',
          depth: 2,
          widths: [6, 5],
          sigmaW2: 1.3,
          sigmaB2: [0.1, 0, 0.2],
          parameterization,
        },
        key(5),
        3,
      );
      const X = randomMatrix(key(5), 4, 3, 1);
      const delta = net.layers.map((l, i) => ({
        W: new Matrix(l.W.rows, l.W.cols, normal(key(50 + i), l.W.data.length)),
        b: normal(key(60 + i), l.b.length),
      }));
      const tr = await forwardTangent(net, X, delta, cpuBackend());
      // J's parameter order: per layer W row-major, then b only where σ_b² > 0 (layer 2 has none).
      const flat: number[] = [];
      delta.forEach((d, i) => {
        flat.push(...d.W.data);
        if (i !== 1) flat.push(...d.b);
      });
      const J = await mlpJacobian(net, X);
      expect(J.cols).toBe(flat.length);
      const want = new Float64Array(4);
      for (let r = 0; r < 4; r++)
        for (let c = 0; c < J.cols; c++) want[r] = (want[r] as number) + J.get(r, c) * (flat[c] as number);
      expect(relErr(tr.tangent!.data, want)).toBeLessThan(1e-12);
      expect(relErr(tr.output.data, (await mlpForward(net, X)).data)).toBeLessThan(1e-14);
      expect(tr.hidden.map((h) => h.shape)).toEqual([
        [4, 6],
        [4, 5],
      ]);
    }
  });
});
