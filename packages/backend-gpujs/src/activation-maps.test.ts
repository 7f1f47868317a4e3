import { BUILTIN_ACTIVATIONS, resolveActivation } from '@ntk/activations';
import { key, Matrix, normal } from '@ntk/core';
import { scaledError, tolerances } from '@ntk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GpujsBackend, gpujsBackend } from './gpujs-backend.ts';

// Activation maps of every built-in (and of expression activations) are generated from the compiled JS
// `source` of @ntk/activations and must agree with the float64 `fn` at the float32 tolerance.
// Inputs: 12×16 standard normals scaled by 3 (key 31), so tails and kinks are exercised.
describe('gpujs map(x, activation) for every built-in activation and for expressions (webasm)', () => {
  let be: GpujsBackend;
  beforeAll(async () => {
    be = await gpujsBackend({ mode: 'webasm', fallback: false });
  });
  afterAll(() => be.dispose());
  const x = new Matrix(
    12,
    16,
    normal(key(31), 192).map((v) => 3 * v),
  );
  const names = [
    ...BUILTIN_ACTIVATIONS,
    'leaky_relu(0.1)',
    'abrelu(-0.5, 2)',
    'elu(0.7)',
    'x*tanh(log(1+exp(x)))',
  ];
  it.each(names)('%s: φ and φ′ agree with the float64 functions', async (name) => {
    const act = resolveActivation(name);
    for (const op of [act.phi, act.dphi]) {
      const y = await be.map(x, op);
      expect(be.info.mode).toBe('webasm');
      const expected = Float64Array.from(x.data, (v) => op.fn(v));
      expect(scaledError(y.data, expected, tolerances.float32)).toBeLessThanOrEqual(1);
    }
  });
});
