import { foldIn, key, Matrix, ShapeError } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { gaussianInputs } from '../../test/helpers.ts';
import { initMlp } from './init-mlp.ts';
import type { Mlp } from './mlp.ts';
import { mlpForward } from './mlp-forward.ts';
import { mlpGradients } from './mlp-gradients.ts';

/** ℓ(θ) = Σ G ⊙ f(X; θ) in float64. */
async function loss(net: Mlp, X: Matrix, G: Matrix): Promise<number> {
  const f = await mlpForward(net, X);
  let s = 0;
  for (let i = 0; i < f.data.length; i++) s += (f.data[i] as number) * (G.data[i] as number);
  return s;
}

describe('mlpGradients', () => {
  // Central differences: error ≈ h²/6·|ℓ'''| + ε|ℓ|/h. With h = 1e-5 and O(1) derivatives of smooth
  // activations this is ≈ 1e-10 + 1e-11, so 1e-7·max(1, |g|) leaves three orders of margin.
  for (const [activation, parameterization] of [
    ['tanh', 'ntk'],
    ['erf', 'standard'],
    ['softplus', 'ntk'],
    ['gelu', 'standard'],
  ] as const) {
    it(`mlpGradients(net, X, G) equals central finite differences of Σ G⊙f (${activation}, ${parameterization})`, async () => {
      const k = key(2024);
      const net = initMlp(
        {
          activation,
          depth: 3,
          widths: [6, 5, 4],
          sigmaW2: 1.5,
          sigmaB2: [0.2, 0, 0.3, 0.1],
          outputs: 2,
          parameterization,
        },
        foldIn(k, 0),
        3,
      );
      const X = gaussianInputs(foldIn(k, 1), 4, 3);
      const G = gaussianInputs(foldIn(k, 2), 4, 2);
      const grads = await mlpGradients(net, X, G);
      expect(grads.output.shape).toEqual([4, 2]);
      const h = 1e-5;
      for (let l = 0; l < net.layers.length; l++) {
        const { W, b } = net.layers[l]!;
        const targets: [Float64Array, number, number][] = [];
        for (let i = 0; i < W.data.length; i++) targets.push([W.data, i, grads.layers[l]!.W.data[i]!]);
        const gb = grads.layers[l]!.b;
        if (net.spec.sigmaB2[l] === 0) expect(gb).toBeNull();
        else for (let i = 0; i < b.length; i++) targets.push([b, i, gb![i]!]);
        for (const [arr, i, g] of targets) {
          const v = arr[i]!;
          arr[i] = v + h;
          const up = await loss(net, X, G);
          arr[i] = v - h;
          const down = await loss(net, X, G);
          arr[i] = v;
          expect(Math.abs((up - down) / (2 * h) - g)).toBeLessThan(1e-7 * Math.max(1, Math.abs(g)));
        }
      }
    });
  }

  it('mlpGradients rejects a cotangent of the wrong shape', async () => {
    const net = initMlp({ activation: 'relu', depth: 1, widths: 2, outputs: 2 }, key(0), 3);
    const X = Matrix.zeros(4, 3);
    await expect(mlpGradients(net, X, Matrix.zeros(4, 1))).rejects.toThrow(ShapeError);
    await expect(mlpGradients(net, X, Matrix.zeros(3, 2))).rejects.toThrow(
      /mlpGradients.*`cotangent`.*4×2.*3×2/,
    );
    await expect(mlpGradients(net, Matrix.zeros(4, 2), Matrix.zeros(4, 2))).rejects.toThrow(/`X`/);
  });
});
