import { gpujsBackend } from '@ntk/backend-gpujs';
import { cpuBackend, foldIn, key } from '@ntk/core';
import { tolerances } from '@ntk/testing';
import { describe, expect, it } from 'vitest';
import { gaussianInputs, relErr } from '../../test/helpers.ts';
import { initMlp } from '../network/init-mlp.ts';
import { mlpForward } from '../network/mlp-forward.ts';
import { empiricalNtk } from './empirical-ntk.ts';

describe('empiricalNtk (backends)', () => {
  it('empiricalNtk({ backend: gpujsBackend({ mode: "webasm" }) }) matches the float64 CPU reference within float32 tolerance', async () => {
    const be = await gpujsBackend({ mode: 'webasm', fallback: false });
    try {
      expect(be.info.mode).toBe('webasm');
      expect(be.info.dtype).toBe('float32');
      const k = key(77);
      const net = initMlp(
        { activation: 'tanh', depth: 3, widths: [32, 24, 16], sigmaW2: 1.5, sigmaB2: 0.1, outputs: 2 },
        foldIn(k, 0),
        5,
      );
      const X1 = gaussianInputs(foldIn(k, 1), 6, 5);
      const X2 = gaussianInputs(foldIn(k, 2), 4, 5);
      const ref = await empiricalNtk(net, X1, X2, {
        backend: cpuBackend(),
        perLayer: true,
        outputMode: 'full',
      });
      const f32 = await empiricalNtk(net, X1, X2, { backend: be, perLayer: true, outputMode: 'full' });
      // float32: each product sums ≤ 32 terms and the error propagates through 4 layers and two Gram
      // products; the shared float32 tolerance (rtol 2e-4, @ntk/testing) covers ~10³-term sums with margin.
      const tol = tolerances.float32.rtol;
      expect(relErr(f32.ntk.data, ref.ntk.data)).toBeLessThan(tol);
      expect(relErr(f32.nngp.data, ref.nngp.data)).toBeLessThan(tol);
      for (let l = 0; l < 4; l++)
        expect(relErr(f32.layers![l]!.data, ref.layers![l]!.data)).toBeLessThan(tol);
      const jac = await empiricalNtk(net, X1, X2, { backend: be, method: 'jacobian', outputMode: 'full' });
      expect(relErr(jac.ntk.data, ref.ntk.data)).toBeLessThan(tol);
      const y = await mlpForward(net, X1, { backend: be });
      expect(y.data).toBeInstanceOf(Float32Array);
      expect(relErr(y.data, (await mlpForward(net, X1)).data)).toBeLessThan(tol);
    } finally {
      be.dispose();
    }
  });
});
