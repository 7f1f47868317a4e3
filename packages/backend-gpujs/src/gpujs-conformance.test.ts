import { backendConformance, tolerances } from '@ntk/testing';
import { gpujsBackend } from './gpujs-backend.ts';

// The shared backend conformance suite (float64 naive references, fixed fast-check seed printed in the suite
// name) for every gpu.js mode that runs without a GPU. GPU modes (webgl2, webgpu, headlessgl) are not run
// here: no test may depend on a GPU. Tolerance: tolerances.float32 (rtol 2e-4, atol 2e-5), see README.

backendConformance('gpujs webasm (sync)', () => gpujsBackend({ mode: 'webasm', fallback: false }), {
  tolerance: tolerances.float32,
  expectedMode: 'webasm',
  exactSymmetry: true,
});

backendConformance(
  'gpujs webasm (async, 2 worker threads)',
  () => gpujsBackend({ mode: 'webasm', async: true, poolSize: 2, fallback: false }),
  { tolerance: tolerances.float32, expectedMode: 'webasm', exactSymmetry: true },
);

backendConformance('gpujs cpu', () => gpujsBackend({ mode: 'cpu', fallback: false }), {
  tolerance: tolerances.float32,
  expectedMode: 'cpu',
  exactSymmetry: true,
});
