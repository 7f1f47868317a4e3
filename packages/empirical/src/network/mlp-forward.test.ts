import { cpuBackend, foldIn, key, Matrix, ShapeError } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { gaussianInputs, relErr } from '../../test/helpers.ts';
import { initMlp } from './init-mlp.ts';
import type { Mlp } from './mlp.ts';
import { mlpForward } from './mlp-forward.ts';

/** Independent per-example reference written straight from DESIGN §3 (scalar loops, no backend). */
function referenceForward(net: Mlp, x: ArrayLike<number>): number[] {
  let a = Array.from(x);
  const L = net.spec.depth;
  for (let l = 0; l <= L; l++) {
    const { W, b } = net.layers[l]!;
    const sw2 = net.spec.sigmaW2[l]!;
    const sb2 = net.spec.sigmaB2[l]!;
    const ntk = net.spec.parameterization === 'ntk';
    const z: number[] = [];
    for (let i = 0; i < W.rows; i++) {
      let s = 0;
      for (let j = 0; j < W.cols; j++) s += W.get(i, j) * a[j]!;
      z.push(ntk ? (Math.sqrt(sw2) / Math.sqrt(W.cols)) * s + Math.sqrt(sb2) * b[i]! : s + b[i]!);
    }
    a = l === L ? z : z.map((v) => net.activation.phi.fn(v));
  }
  return a;
}

describe('mlpForward', () => {
  for (const parameterization of ['ntk', 'standard'] as const) {
    it(`mlpForward(net, X) matches the per-example formula of DESIGN §3 (${parameterization}, O = 3)`, async () => {
      const net = initMlp(
        {
          activation: 'tanh',
          depth: 3,
          widths: [8, 5, 6],
          sigmaW2: 1.7,
          sigmaB2: 0.2,
          outputs: 3,
          parameterization,
        },
        key(3),
        4,
      );
      const X = gaussianInputs(foldIn(key(3), 99), 5, 4);
      const Y = await mlpForward(net, X, { backend: cpuBackend() });
      expect(Y.shape).toEqual([5, 3]);
      for (let i = 0; i < 5; i++) {
        // Same operations in another order: agreement to a few ulps (1e-13 relative).
        expect(relErr(Y.row(i), referenceForward(net, X.row(i)))).toBeLessThan(1e-13);
      }
    });
  }

  it('mlpForward of a depth-0 (linear) network is σ_w/√d·W x + σ_b b', async () => {
    const net = initMlp({ activation: 'relu', depth: 0, sigmaW2: 4, sigmaB2: 1 }, key(0), 2);
    const Y = await mlpForward(net, Matrix.fromRows([[1, 2]]));
    const W = net.layers[0]!.W;
    expect(Y.get(0, 0)).toBeCloseTo(
      (2 / Math.SQRT2) * (W.get(0, 0) + 2 * W.get(0, 1)) + net.layers[0]!.b[0]!,
      12,
    );
  });

  it('mlpForward rejects inputs with the wrong number of columns and non-networks', async () => {
    const net = initMlp({ activation: 'relu', depth: 1, widths: 2 }, key(0), 3);
    await expect(mlpForward(net, Matrix.zeros(2, 4))).rejects.toThrow(ShapeError);
    await expect(mlpForward(net, Matrix.zeros(2, 4))).rejects.toThrow(/mlpForward.*`X`.*N×3.*2×4/);
    await expect(mlpForward(net, [[1, 2, 3]] as never)).rejects.toThrow(/mlpForward.*`X` must be a Matrix/);
    await expect(mlpForward({} as never, Matrix.zeros(1, 3))).rejects.toThrow(/mlpForward.*`net`/);
  });
});
