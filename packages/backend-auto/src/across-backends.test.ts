import { gpujsBackend } from '@ntk/backend-gpujs';
import { onnxBackend } from '@ntk/backend-onnx';
import { wasmBackend } from '@ntk/backend-wasm';
import { type Backend, cpuBackend, foldIn, key, Matrix, normal } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';
import { maxRelativeError, tolerances } from '@ntk/testing';
import { describe, expect, it } from 'vitest';

// The same empirical NTK on every backend this machine has, against the float64 CPU reference (key 41):
// float64 backends within 1e-10 relative, float32 backends within tolerances.float32.rtol (2e-4).
const k = key(41);
const net = initMlp(
  { activation: 'gelu', depth: 4, widths: [64, 48, 32, 16], sigmaW2: 1.8, sigmaB2: 0.05 },
  foldIn(k, 0),
  8,
);
const X1 = new Matrix(9, 8, normal(foldIn(k, 1), 72));
const X2 = new Matrix(5, 8, normal(foldIn(k, 2), 40));

const BACKENDS: [string, () => Promise<Backend>][] = [
  ['onnx float64', () => onnxBackend({ dtype: 'float64', threads: 2 })],
  ['onnx float32', () => onnxBackend({ dtype: 'float32', threads: 2 })],
  ['wasm float64', () => wasmBackend({ dtype: 'float64', threads: 2 })],
  ['wasm float32', () => wasmBackend({ dtype: 'float32', threads: 2 })],
  ['gpujs webasm', () => gpujsBackend({ mode: 'webasm', fallback: false })],
];

describe('empiricalNtk across backends', () => {
  it.each(BACKENDS)(
    'empiricalNtk on %s equals the float64 CPU reference within its tolerance',
    async (_label, make) => {
      const be = await make();
      try {
        const tol = be.info.dtype === 'float64' ? 1e-10 : tolerances.float32.rtol;
        for (const b of [X2, undefined]) {
          const want = await empiricalNtk(net, X1, b, { perLayer: true, backend: cpuBackend() });
          const got = await empiricalNtk(net, X1, b, { perLayer: true, backend: be });
          expect(maxRelativeError(got.ntk.data, want.ntk.data)).toBeLessThan(tol);
          expect(maxRelativeError(got.nngp.data, want.nngp.data)).toBeLessThan(tol);
          for (let l = 0; l < 5; l++) {
            expect(maxRelativeError(got.layers![l]!.data, want.layers![l]!.data)).toBeLessThan(tol);
          }
        }
      } finally {
        be.dispose();
      }
    },
  );
});
