import { ArgumentRangeError, key, Matrix, NumericalError, ShapeError } from '@ntk/core';
import { describe, expect, it } from 'vitest';
import { initMlp } from '../network/init-mlp.ts';
import { empiricalNtk } from './empirical-ntk.ts';

describe('empiricalNtk (errors)', () => {
  const net = initMlp({ activation: 'relu', depth: 2, widths: 3 }, key(0), 2);

  it('empiricalNtk rejects inputs with mismatched dimensions', async () => {
    await expect(empiricalNtk(net, Matrix.zeros(3, 4))).rejects.toThrow(ShapeError);
    await expect(empiricalNtk(net, Matrix.zeros(3, 2), Matrix.zeros(3, 3))).rejects.toThrow(
      /empiricalNtk.*`X2`/,
    );
    await expect(
      empiricalNtk(net, Matrix.zeros(3, 2), Matrix.zeros(2, 2), { diagonal: true }),
    ).rejects.toThrow(/diagonal/);
  });

  it('empiricalNtk rejects bad options', async () => {
    const X = Matrix.zeros(2, 2);
    await expect(empiricalNtk(net, X, undefined, { method: 'fast' as never })).rejects.toThrow(
      ArgumentRangeError,
    );
    await expect(empiricalNtk(net, X, undefined, { outputMode: 'sum' as never })).rejects.toThrow(
      /outputMode/,
    );
    await expect(empiricalNtk(net, X, undefined, { diagonal: 1 as never })).rejects.toThrow(
      /options\.diagonal/,
    );
    await expect(empiricalNtk(net, X, undefined, { perLayer: 'y' as never })).rejects.toThrow(
      /options\.perLayer/,
    );
    await expect(
      empiricalNtk(net, X, undefined, { method: 'jacobian', maxJacobianBytes: 8 }),
    ).rejects.toThrow(/maxJacobianBytes/);
  });

  it('empiricalNtk reports a non-finite kernel as a NumericalError', async () => {
    // All weights 1: z¹ = √3·300 ≈ 520, exp(z¹) ≈ 1e225, z² ≈ 3e225 and exp(z²) = Infinity.
    const big = initMlp({ activation: 'exp', depth: 3, widths: 2, sigmaW2: 3 }, key(0), 1);
    for (const layer of big.layers) layer.W.data.fill(1);
    await expect(empiricalNtk(big, Matrix.fromRows([[300]]))).rejects.toThrow(NumericalError);
  });
});
