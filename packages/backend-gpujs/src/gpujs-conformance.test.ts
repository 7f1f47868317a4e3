import { backendConformance, tolerances } from '@ntk/testing';
import { expect, it } from 'vitest';
import { type GpujsBackend, gpujsBackend } from './gpujs-backend.ts';

// The shared backend conformance suite (float64 naive references, fixed fast-check seed printed in the suite
// name) for every gpu.js mode that runs without a GPU. GPU modes (webgl2, webgpu, headlessgl) are not run
// here: no test may depend on a GPU. Tolerance: tolerances.float32 (rtol 2e-4, atol 2e-5), see README.

const made: Record<'webasm' | 'async' | 'cpu', GpujsBackend | undefined> = {
  webasm: undefined,
  async: undefined,
  cpu: undefined,
};

backendConformance(
  'gpujs webasm (sync)',
  async () => (made.webasm = await gpujsBackend({ mode: 'webasm', fallback: false })),
  {
    tolerance: tolerances.float32,
    expectedMode: 'webasm',
    exactSymmetry: true,
  },
);

backendConformance(
  'gpujs webasm (async, 2 worker threads)',
  async () =>
    (made.async = await gpujsBackend({ mode: 'webasm', async: true, poolSize: 2, fallback: false })),
  { tolerance: tolerances.float32, expectedMode: 'webasm', exactSymmetry: true },
);

backendConformance(
  'gpujs cpu',
  async () => (made.cpu = await gpujsBackend({ mode: 'cpu', fallback: false })),
  {
    tolerance: tolerances.float32,
    expectedMode: 'cpu',
    exactSymmetry: true,
  },
);

// After the suites: every kernel they compiled ran in the reported mode (gpu.js's own per-kernel fallback to
// cpu, read back after each call, never happened).
it('every kernel of the conformance runs ran in info.mode (info.kernelFallbacks is empty)', () => {
  for (const be of Object.values(made)) {
    expect(be).toBeDefined();
    expect(be?.info.kernelFallbacks).toEqual([]);
    expect(be?.kernelStats().compiled).toBeGreaterThan(10);
  }
});
